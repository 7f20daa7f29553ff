namespace ActorRecorder.Server.Cli;

/// <summary>The exit codes of <c>actor-recorder</c>, the same for every command.</summary>
public static class ExitCodes
{
    /// <summary>The command did what it was asked (a replay found no difference).</summary>
    public const int Success = 0;

    /// <summary>A replay got answers that differ from the recorded ones.</summary>
    public const int Difference = 1;

    /// <summary>Bad usage: an unknown option, a missing or invalid value, a file that is missing or unreadable, an output that cannot be written.</summary>
    public const int Usage = 2;

    /// <summary>
    /// The command could not complete: the server could not be reached (or, for cluster commands, refused the token or is not
    /// a cluster node), a cluster node was downed or could not join, or an unexpected error.
    /// </summary>
    public const int Failure = 3;

    /// <summary>Stopped by Ctrl+C (SIGINT) or SIGTERM before it finished: 128 + SIGINT, as shells report it.</summary>
    public const int Cancelled = 130;
}
