using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using Xunit;
using AkkaArray = Akka.Configuration.Hocon.HoconArray;
using AkkaConfig = Akka.Configuration.Config;
using AkkaLiteral = Akka.Configuration.Hocon.HoconLiteral;
using AkkaObject = Akka.Configuration.Hocon.HoconObject;
using AkkaValue = Akka.Configuration.Hocon.HoconValue;

namespace ActorRecorder.Hocon.Tests.Support;

/// <summary>
/// Proves that an Akka <see cref="AkkaConfig"/> holds exactly a JSON tree, checking every node
/// twice: through Akka's object model (each value one element of the right kind: object, array,
/// or a literal with the exact text) and through Akka's own getters with quoted paths
/// (<c>GetConfig</c>, <c>GetString</c>, <c>GetLong</c>, <c>GetDouble</c>, <c>GetBoolean</c>,
/// <c>GetStringList</c>). Keys are compared as sets, numbers by value.
/// </summary>
/// <remarks>
/// Akka's model has no scalar types, so "same type" means: a JSON string is a literal with the
/// same text; a JSON number a literal written as a JSON number with the same value; a boolean the
/// literal <c>true</c>/<c>false</c>; null the literal <c>null</c> (which Akka's GetString returns
/// as null). Akka's GetString trims and turns "null" into null; the getter check expects exactly
/// that, while the object-model check demands the untrimmed text.
/// </remarks>
internal static partial class AkkaTreeAssert
{
    public static void Equivalent(JToken expected, AkkaConfig actual, string context)
    {
        var expectedRoot = Assert.IsType<JObject>(expected);
        Assert.NotNull(actual.Root);
        CompareObject(expectedRoot, actual.Root, [], actual, context);

        // The top level as Akka enumerates it.
        var topKeys = actual.AsEnumerable().Select(pair => pair.Key).Order(StringComparer.Ordinal).ToArray();
        var expectedTop = expectedRoot.Properties().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray();
        Assert.True(expectedTop.SequenceEqual(topKeys),
            $"{context}: AsEnumerable() keys [{string.Join(", ", topKeys)}], expected [{string.Join(", ", expectedTop)}]");
    }

    /// <summary>
    /// A path Akka's getters understand: every segment quoted, so keys with dots stay one key; null
    /// when a key contains a double quote (Akka's path syntax has no escapes for it).
    /// </summary>
    public static string? AkkaPath(IReadOnlyList<string> segments)
        => segments.Any(s => s.Contains('"', StringComparison.Ordinal)) ? null : string.Join(".", segments.Select(s => "\"" + s + "\""));

    /// <summary>The text of the single literal a scalar value holds.</summary>
    public static string LiteralText(AkkaValue value, string where)
    {
        Assert.True(value.Values.Count == 1, $"{where}: expected one element but found {value.Values.Count}");
        return Assert.IsType<AkkaLiteral>(value.Values[0]).Value;
    }

    private static void Compare(JToken expected, AkkaValue actual, List<string> segments, AkkaConfig config, string context)
    {
        switch (expected)
        {
            case JObject obj:
                CompareObject(obj, actual, segments, config, context);
                break;
            case JArray array:
                CompareArray(array, actual, segments, config, context);
                break;
            default:
                CompareScalar((JValue)expected, actual, segments, config, context);
                break;
        }
    }

    private static void CompareObject(JObject expected, AkkaValue actual, List<string> segments, AkkaConfig config, string context)
    {
        var where = Where(context, segments);
        Assert.True(actual.Values.Count == 1, $"{where}: expected an object but found {actual.Values.Count} elements");
        var obj = Assert.IsType<AkkaObject>(actual.Values[0]);
        Assert.True(actual.IsObject(), $"{where}: IsObject() is false");

        var expectedKeys = expected.Properties().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray();
        var actualKeys = obj.Items.Keys.Order(StringComparer.Ordinal).ToArray();
        Assert.True(expectedKeys.SequenceEqual(actualKeys),
            $"{where}: keys [{string.Join(", ", actualKeys)}], expected [{string.Join(", ", expectedKeys)}]");

        var path = AkkaPath(segments);
        if (path is not null && segments.Count > 0)
        {
            Assert.True(config.HasPath(path), $"{where}: HasPath({path}) is false");
            var sub = config.GetConfig(path);
            Assert.NotNull(sub);
            Assert.Equal(expected.Count == 0, sub.IsEmpty);
            Assert.Same(obj, config.GetValue(path).GetObject());
        }

        foreach (var property in expected.Properties())
        {
            Compare(property.Value, obj.Items[property.Name], [.. segments, property.Name], config, context);
        }
    }

    private static void CompareArray(JArray expected, AkkaValue actual, List<string> segments, AkkaConfig? config, string context)
    {
        var where = Where(context, segments);
        Assert.True(actual.Values.Count == 1, $"{where}: expected an array but found {actual.Values.Count} elements");
        var array = Assert.IsType<AkkaArray>(actual.Values[0]);
        Assert.True(expected.Count == array.Count, $"{where}: {array.Count} elements, expected {expected.Count}");
        Assert.False(actual.IsString(), $"{where}: an array reads as a string");
        Assert.False(actual.IsObject(), $"{where}: an array reads as an object");

        var path = config is null ? null : AkkaPath(segments);
        if (path is not null)
        {
            Assert.True(config!.HasPath(path), $"{where}: HasPath({path}) is false");
            if (expected.All(e => e.Type is JTokenType.String))
            {
                Assert.Equal(expected.Select(e => AkkaGetString((string)e!)), config.GetStringList(path));
            }
            else if (expected.All(e => e.Type is JTokenType.Integer or JTokenType.Float))
            {
                Assert.Equal(expected.Select(NumberOf), config.GetDoubleList(path));
            }
            else if (expected.All(e => e.Type is JTokenType.Boolean))
            {
                Assert.Equal(expected.Select(e => (bool)e!), config.GetBooleanList(path));
            }
        }

        for (var i = 0; i < expected.Count; i++)
        {
            // Array elements have no path: check them through the element's own getters.
            var element = array[i];
            var elementSegments = new List<string>(segments) { $"[{i}]" };
            switch (expected[i])
            {
                case JObject obj:
                    var elementConfig = element.ToConfig();
                    CompareObject(obj, element, [], elementConfig, $"{where}[{i}]");
                    break;
                case JArray nested:
                    CompareArray(nested, element, elementSegments, null, context);
                    break;
                default:
                    CompareScalar((JValue)expected[i], element, elementSegments, null, context);
                    break;
            }
        }
    }

    private static void CompareScalar(JValue expected, AkkaValue actual, List<string> segments, AkkaConfig? config, string context)
    {
        var where = Where(context, segments);
        var text = LiteralText(actual, where);
        var path = config is null ? null : AkkaPath(segments);
        if (path is not null)
        {
            Assert.True(config!.HasPath(path), $"{where}: HasPath({path}) is false");
            Assert.Same(actual, config.GetValue(path));
        }

        switch (expected.Type)
        {
            case JTokenType.String:
                var s = (string)expected!;
                Assert.True(s == text, $"{where}: literal text '{text}', expected string '{s}'");
                Assert.Equal(AkkaGetString(s), actual.GetString());
                if (path is not null)
                {
                    Assert.Equal(AkkaGetString(s), config!.GetString(path));
                }

                break;
            case JTokenType.Integer or JTokenType.Float:
                var number = NumberOf(expected);
                Assert.True(JsonNumber().IsMatch(text), $"{where}: literal '{text}' is not written as a number");
                Assert.True(number == double.Parse(text, CultureInfo.InvariantCulture), $"{where}: literal '{text}', expected number {expected}");
                Assert.Equal(number, actual.GetDouble());
                if (path is not null)
                {
                    Assert.Equal(number, config!.GetDouble(path));
                    if (expected.Type is JTokenType.Integer && expected.Value is long whole && !text.AsSpan().ContainsAny(".eE"))
                    {
                        Assert.Equal(whole, config.GetLong(path));
                    }
                }

                break;
            case JTokenType.Boolean:
                var b = (bool)expected!;
                Assert.True(text == (b ? "true" : "false"), $"{where}: literal '{text}', expected boolean {b}");
                Assert.Equal(b, actual.GetBoolean());
                if (path is not null)
                {
                    Assert.Equal(b, config!.GetBoolean(path));
                }

                break;
            case JTokenType.Null:
                Assert.True(text == "null", $"{where}: literal '{text}', expected null");
                Assert.Null(actual.GetString());
                if (path is not null)
                {
                    Assert.Null(config!.GetString(path, "default"));
                }

                break;
            default:
                Assert.Fail($"{where}: unexpected JSON token {expected.Type} in the expectation");
                break;
        }
    }

    /// <summary>What Akka's GetString returns for a literal holding <paramref name="text"/>: trimmed, and null for "null".</summary>
    public static string? AkkaGetString(string text)
    {
        var trimmed = text.Trim();
        return trimmed == "null" ? null : trimmed;
    }

    private static double NumberOf(JToken token) => ((JValue)token).Value switch
    {
        BigInteger big => (double)big,
        var value => Convert.ToDouble(value, CultureInfo.InvariantCulture),
    };

    private static string Where(string context, List<string> segments)
        => segments.Count == 0 ? $"{context}: (root)" : $"{context}: {string.Join(".", segments)}";

    [GeneratedRegex(@"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$")]
    private static partial Regex JsonNumber();
}
