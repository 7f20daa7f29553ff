namespace ActorRecorder.Server.Cli;

/// <summary>Words the commands share in their help and messages.</summary>
internal static class CliText
{
    /// <summary>The command's name, in help and messages (in-process runs would otherwise show the host's name).</summary>
    public const string Name = "actor-recorder";

    /// <summary>The root command's help description.</summary>
    public const string RootDescription =
        "Inspect, replay and export WebSocket sessions recorded as JSONL by actor-recorder's listeners (or by ZenWebsocket).";
}
