using Newtonsoft.Json;

namespace ActorRecorder.Hocon.Tests.Support;

/// <summary>Parsing shortcuts for tests: environment-variable fallback is off unless a test asks for it.</summary>
internal static class TestConfig
{
    public static HoconParseOptions NoEnvironment { get; } = new() { UseEnvironmentVariables = false };

    public static Config Parse(string text) => ConfigurationFactory.ParseString(text, NoEnvironment, "test").Resolve();

    /// <summary>The resolved tree as compact JSON, for compact whole-tree assertions.</summary>
    public static string Json(string text) => ToJson(Parse(text));

    public static string ToJson(Config config) => config.ToJObject().ToString(Formatting.None);
}
