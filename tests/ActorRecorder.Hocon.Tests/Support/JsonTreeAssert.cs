using Newtonsoft.Json.Linq;
using Xunit;

namespace ActorRecorder.Hocon.Tests.Support;

/// <summary>
/// Deep comparison of JSON trees: same keys (order ignored), same value kinds, numbers by value.
/// </summary>
internal static class JsonTreeAssert
{
    public static void Equivalent(JToken expected, JToken actual, string context)
        => Compare(expected, actual, "$", context);

    private static void Compare(JToken expected, JToken actual, string path, string context)
    {
        switch (expected)
        {
            case JObject expectedObject:
                var actualObject = Assert.IsType<JObject>(actual, exactMatch: false);
                var expectedKeys = expectedObject.Properties().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray();
                var actualKeys = actualObject.Properties().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray();
                Assert.True(expectedKeys.SequenceEqual(actualKeys),
                    $"{context}: keys differ at {path}: expected [{string.Join(", ", expectedKeys)}] but found [{string.Join(", ", actualKeys)}]");
                foreach (var property in expectedObject.Properties())
                {
                    Compare(property.Value, actualObject[property.Name]!, $"{path}.{property.Name}", context);
                }

                break;
            case JArray expectedArray:
                var actualArray = Assert.IsType<JArray>(actual, exactMatch: false);
                Assert.True(expectedArray.Count == actualArray.Count,
                    $"{context}: array length differs at {path}: expected {expectedArray.Count} but found {actualArray.Count}");
                for (var i = 0; i < expectedArray.Count; i++)
                {
                    Compare(expectedArray[i], actualArray[i], $"{path}[{i}]", context);
                }

                break;
            default:
                CompareValues((JValue)expected, Assert.IsType<JValue>(actual, exactMatch: false), path, context);
                break;
        }
    }

    private static void CompareValues(JValue expected, JValue actual, string path, string context)
    {
        var expectedIsNumber = expected.Type is JTokenType.Integer or JTokenType.Float;
        var actualIsNumber = actual.Type is JTokenType.Integer or JTokenType.Float;
        if (expectedIsNumber || actualIsNumber)
        {
            Assert.True(expectedIsNumber && actualIsNumber,
                $"{context}: at {path} expected {expected.Type} {expected} but found {actual.Type} {actual}");
            Assert.True(Convert.ToDouble(expected.Value, System.Globalization.CultureInfo.InvariantCulture)
                    == Convert.ToDouble(actual.Value, System.Globalization.CultureInfo.InvariantCulture),
                $"{context}: at {path} expected number {expected} but found {actual}");
            return;
        }

        Assert.True(expected.Type == actual.Type,
            $"{context}: at {path} expected {expected.Type} but found {actual.Type} ({actual})");
        Assert.True(Equals(expected.Value, actual.Value),
            $"{context}: at {path} expected {expected} but found {actual}");
    }
}
