namespace ActorRecorder.Testing;

/// <summary>The Akka configuration every spec's actor system starts from.</summary>
public static class SpecConfig
{
    /// <summary>
    /// Expectations long enough for a loaded 2-core machine (a spec synchronises on messages, so a long bound costs
    /// nothing when it passes), and the log at INFO for the test output.
    /// </summary>
    public const string Text = """
        akka.loglevel = INFO
        akka.stdout-loglevel = WARNING
        akka.test.single-expect-default = 10s
        akka.test.default-timeout = 10s
        akka.test.filter-leeway = 10s
        """;
}
