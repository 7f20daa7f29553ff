using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ActorRecorder.Server.Replay;

/// <summary>JSONPath expressions (<c>--ignore</c>) whose matches are removed from JSON answers before comparing.</summary>
internal sealed class IgnoredPaths(IReadOnlyList<string> paths)
{
    /// <summary>True when there is something to ignore.</summary>
    public bool Any => paths.Count > 0;

    /// <summary>Null when <paramref name="path"/> is a JSONPath Newtonsoft's SelectTokens accepts, else why not.</summary>
    public static string? Check(string path)
    {
        try
        {
            // SelectTokens parses the path before it looks at anything, so an empty object is enough.
            _ = new JObject().SelectTokens(path).ToList();
            return null;
        }
        catch (JsonException e)
        {
            return e.Message;
        }
    }

    /// <summary>
    /// The JSON value of <paramref name="text"/> with every match of every path removed; false when the text is not
    /// one JSON value. A match that is the whole value leaves null.
    /// </summary>
    public bool TryStrip(string text, out JToken? value)
    {
        value = null;
        if (!TryParse(text, out var root)) return false;
        foreach (var path in paths)
        {
            foreach (var match in root!.SelectTokens(path).ToList())
            {
                if (ReferenceEquals(match, root))
                {
                    root = JValue.CreateNull();
                    break;
                }
                if (match.Parent is JProperty property) property.Remove();
                else if (match.Parent is not null) match.Remove();
            }
        }
        value = root;
        return true;
    }

    private static bool TryParse(string text, out JToken? value)
    {
        value = null;
        try
        {
            using var reader = new JsonTextReader(new StringReader(text))
            {
                // Timestamps and numbers stay as written: "2026-01-20T15:30:45Z" is compared as the string it is.
                DateParseHandling = DateParseHandling.None,
                FloatParseHandling = FloatParseHandling.Decimal,
                MaxDepth = 128,
            };
            value = JToken.ReadFrom(reader);
            return !reader.Read(); // one value and nothing after it
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
