using System.Runtime.CompilerServices;
using Newtonsoft.Json.Linq;

namespace ActorRecorder.Hocon.Rendering;

/// <summary>Converts resolved trees to Newtonsoft.Json tokens.</summary>
internal static class JsonTreeConverter
{
    public static JObject ToJObject(HoconObject root) => (JObject)ToToken(root);

    private static JToken ToToken(HoconValue value)
    {
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw new ConfigException("The configuration is nested too deeply to convert");
        }

        switch (value)
        {
            case HoconObject obj:
                var result = new JObject();
                foreach (var field in obj)
                {
                    result.Add(field.Key, ToToken(field.Value));
                }

                return result;
            case HoconArray array:
                var list = new JArray();
                foreach (var element in array)
                {
                    list.Add(ToToken(element));
                }

                return list;
            case HoconString text:
                return new JValue(text.Value);
            case HoconNumber { IsIntegral: true } number:
                return new JValue(number.LongValue);
            case HoconNumber number:
                return new JValue(number.DoubleValue);
            case HoconBoolean boolean:
                return new JValue(boolean.Value);
            default:
                return JValue.CreateNull();
        }
    }
}
