namespace ActorRecorder.Server.Clustering;

/// <summary>serve's cluster options as given on the command line; any of them makes the server a cluster node.</summary>
/// <param name="Port">--cluster-port, or null.</param>
/// <param name="Host">--cluster-host, or null.</param>
/// <param name="Seeds">Every --seed, in order (none: the config's seed-nodes stay).</param>
internal sealed record ClusterArguments(int? Port, string? Host, IReadOnlyList<string> Seeds)
{
    /// <summary>No cluster option at all.</summary>
    public static readonly ClusterArguments None = new(null, null, []);

    /// <summary>True when at least one cluster option was given.</summary>
    public bool Any => Port is not null || Host is not null || Seeds.Count > 0;
}
