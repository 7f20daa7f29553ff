using ActorRecorder.Http;
using ActorRecorder.Otp;
using ActorRecorder.Recording;
using ActorRecorder.Server.Clustering;
using Akka.Actor;

namespace ActorRecorder.Server.Serving;

/// <summary>What the status page shows, as its JSON snapshot (<c>/api/status</c>) carries it.</summary>
/// <param name="Time">When it was taken (UTC).</param>
/// <param name="Tree">The supervision tree: root, listeners with their sessions, recorders.</param>
/// <param name="Listeners">Every listener, with its status and counters.</param>
/// <param name="Sessions">The live WebSocket sessions.</param>
/// <param name="Recorders">The live recorders with their stats.</param>
/// <param name="RecordingsDirectory">Where the recordings are.</param>
/// <param name="Recordings">The newest recordings, with their download and HAR links.</param>
/// <param name="Cluster">The cluster's members and their listeners; null when the server is not a cluster node.</param>
internal sealed record StatusSnapshot(
    DateTimeOffset Time,
    TreeNode Tree,
    IReadOnlyList<ListenerView> Listeners,
    IReadOnlyList<SessionInfo> Sessions,
    IReadOnlyList<RecorderView> Recorders,
    string RecordingsDirectory,
    IReadOnlyList<RecordingView> Recordings,
    ClusterView? Cluster)
{
    private const int RecentRecordings = 20;
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(2);

    /// <summary>Takes a snapshot of <paramref name="state"/>'s system; parts that do not answer in time are left out.</summary>
    public static async Task<StatusSnapshot> TakeAsync(ServeState state, CancellationToken cancellationToken)
    {
        var system = state.System ?? throw new InvalidOperationException("The actor system has not started.");
        var sessions = state.Sessions.Values.OrderBy(s => s.Started).ToList();

        var listeners = new List<ListenerView>();
        var extension = Http.Listeners.Get(system);
        foreach (var name in await extension.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            if (await extension.InfoAsync(name, cancellationToken).ConfigureAwait(false) is { } info)
                listeners.Add(new ListenerView(info.Name, $"http://{info.Endpoint}", info.Status.ToString(), info.ActiveConnections, info.WebSocketSessions, info.RequestsServed, info.Rejected));
        }

        var recorders = new List<RecorderView>();
        var children = new List<TreeNode>();
        var root = await RootSupervisor.Get(system).Root.WaitAsync(AskTimeout, cancellationToken).ConfigureAwait(false);
        foreach (var child in await root.WhichChildrenAsync(AskTimeout, cancellationToken).ConfigureAwait(false))
        {
            var grandchildren = new List<TreeNode>();
            if (child.Child is { } supervisor)
            {
                foreach (var c in await supervisor.WhichChildrenAsync(AskTimeout, cancellationToken).ConfigureAwait(false))
                {
                    if (child.Id == RootSupervisor.RecordersName && c.Child is { } recorder)
                    {
                        var stats = await StatsAsync(recorder).ConfigureAwait(false);
                        var view = new RecorderView(recorder.Path.Name, stats?.Entries, stats?.Bytes, stats?.Pending, stats?.Dropped, stats?.Failures, stats?.Restarts);
                        recorders.Add(view);
                        grandchildren.Add(new TreeNode(recorder.Path.Name, "recorder", recorder.Path.ToStringWithoutAddress(), c.Restarts, c.Restarting, []));
                    }
                    else
                    {
                        var sessionNodes = child.Id == RootSupervisor.ListenersName
                            ? sessions.Where(s => s.Listener == c.Id).Select(s => new TreeNode(s.Id, "session", s.Actor, null, false, [])).ToList()
                            : [];
                        grandchildren.Add(new TreeNode(c.Id, child.Id == RootSupervisor.ListenersName ? "listener" : c.Type.ToString().ToLowerInvariant(),
                            c.Child?.Path.ToStringWithoutAddress(), c.Restarts, c.Restarting, sessionNodes));
                    }
                }
            }
            children.Add(new TreeNode(child.Id, "supervisor", child.Child?.Path.ToStringWithoutAddress(), child.Restarts, child.Restarting, grandchildren));
        }
        var tree = new TreeNode(RootSupervisor.RootName, "supervisor", root.Path.ToStringWithoutAddress(), null, false, children);

        var directory = new RecordingsDirectory(state.Settings.Recordings);
        var recordings = directory.Newest(RecentRecordings)
            .Select(r =>
            {
                var href = "/recordings/" + string.Join('/', r.Relative.Split('/').Select(Uri.EscapeDataString));
                return new RecordingView(r.Relative, r.Bytes, r.Modified, href, href + ".har");
            })
            .ToList();
        var cluster = state.Settings.Cluster is null ? null : await ClusterView.TakeAsync(system, cancellationToken).ConfigureAwait(false);
        return new StatusSnapshot(DateTimeOffset.UtcNow, tree, listeners, sessions, recorders, directory.Root, recordings, cluster);
    }

    private static async Task<RecorderStats?> StatsAsync(IActorRef recorder)
    {
        try
        {
            return await recorder.Ask<RecorderStats>(GetStats.Instance, AskTimeout).ConfigureAwait(false);
        }
        catch (Exception e) when (e is AskTimeoutException or TaskCanceledException or TimeoutException)
        {
            return null; // it stopped meanwhile, or is busy: shown without stats
        }
    }
}

/// <summary>One node of the supervision tree.</summary>
/// <param name="Name">The child's id (its actor's name for recorders and sessions).</param>
/// <param name="Kind">supervisor, listener, session, recorder or worker.</param>
/// <param name="Path">Its actor's path, when it runs.</param>
/// <param name="Restarts">How many times its supervisor restarted it (<c>ChildInfo.Restarts</c>); null for the root (it has no OTP parent) and for sessions (handler actors are not restarted).</param>
/// <param name="Restarting">True while a failed restart waits to be tried again.</param>
/// <param name="Children">Its children.</param>
internal sealed record TreeNode(string Name, string Kind, string? Path, long? Restarts, bool Restarting, IReadOnlyList<TreeNode> Children);

/// <summary>A listener with its status and counters.</summary>
internal sealed record ListenerView(string Name, string Url, string Status, long ActiveConnections, long WebSocketSessions, long RequestsServed, long Rejected);

/// <summary>A recorder and its stats (null where it did not answer in time).</summary>
internal sealed record RecorderView(string Name, long? Entries, long? Bytes, long? Pending, long? Dropped, long? Failures, long? Restarts);

/// <summary>A recording file and where to download it.</summary>
internal sealed record RecordingView(string File, long Bytes, DateTime Modified, string Href, string HarHref);
