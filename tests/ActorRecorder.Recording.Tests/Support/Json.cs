namespace ActorRecorder.Recording.Tests.Support;

using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

/// <summary>Parses a line as a plain JSON object, keeping "ts" the string it is (Newtonsoft would make it a DateTime).</summary>
public static class Json
{
    public static JObject Parse(string line)
    {
        using var reader = new JsonTextReader(new StringReader(line)) { DateParseHandling = DateParseHandling.None };
        return JObject.Load(reader);
    }
}
