using Xunit;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ActorRecorder.Server.Tests.Support;

/// <summary>Parses command output as JSON, strictly and with dates left as the strings they are.</summary>
public static class Json
{
    public static JObject Parse(string text)
    {
        using var reader = new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.None };
        var value = JObject.Load(reader);
        while (reader.Read()) Assert.Fail($"More after the JSON object: {reader.TokenType}"); // one object, nothing after it
        return value;
    }

    /// <summary>Asserts that <paramref name="actual"/> is the JSON value <paramref name="expected"/>, whatever the key order.</summary>
    public static void Equal(string expected, JToken? actual)
    {
        var value = JToken.Parse(expected);
        Assert.True(JToken.DeepEquals(value, actual), $"Expected {value.ToString(Formatting.None)}, got {actual?.ToString(Formatting.None) ?? "nothing"}");
    }
}
