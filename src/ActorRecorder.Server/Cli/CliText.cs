namespace ActorRecorder.Server.Cli;

/// <summary>Words the commands share in their help and messages.</summary>
internal static class CliText
{
    /// <summary>The command's name, in help and messages (in-process runs would otherwise show the host's name).</summary>
    public const string Name = "actor-recorder";

    /// <summary>The root command's help description.</summary>
    public const string RootDescription =
        "Serve a recorded WebSocket echo with a live status page (the default: no arguments runs serve on http://127.0.0.1:8080/), and "
        + "inspect, replay and export WebSocket sessions recorded as JSONL by actor-recorder's listeners (or by ZenWebsocket).";
}
