using AkkaConfig = Akka.Configuration.Config;

namespace ActorRecorder.Hocon.Tests.Support;

/// <summary>Shortcuts for specs of <see cref="HoconLoader"/>: environment-variable fallback off unless asked for.</summary>
internal static class Loaded
{
    public static AkkaConfig Parse(string text) => HoconLoader.ParseString(text, TestConfig.NoEnvironment, "test");

    /// <summary>The exact text Akka's object model holds for a scalar at a path.</summary>
    public static string Literal(AkkaConfig config, string akkaPath)
    {
        var value = config.GetValue(akkaPath) ?? throw new InvalidOperationException($"no value at {akkaPath}");
        return AkkaTreeAssert.LiteralText(value, akkaPath);
    }

    /// <summary>Runs <paramref name="test"/> with a freshly named environment variable set to <paramref name="value"/>.</summary>
    public static void WithVariable(string value, Action<string> test)
    {
        var name = "ACTORRECORDER_HOCON_LOADER_TEST_" + Guid.NewGuid().ToString("N").ToUpperInvariant();
        Environment.SetEnvironmentVariable(name, value);
        try
        {
            test(name);
        }
        finally
        {
            Environment.SetEnvironmentVariable(name, null);
        }
    }

    /// <summary>A variable name that is certainly not set.</summary>
    public static string UnsetVariable() => "ACTORRECORDER_HOCON_LOADER_UNSET_" + Guid.NewGuid().ToString("N").ToUpperInvariant();
}
