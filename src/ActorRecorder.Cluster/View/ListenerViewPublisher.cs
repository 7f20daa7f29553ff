using ActorRecorder.Http;
using Akka.Actor;
using Akka.Cluster;
using Akka.DistributedData;
using Akka.Event;

namespace ActorRecorder.Cluster;

/// <summary>
/// Writes this node's listeners into the cluster-wide view (Akka Distributed Data, <see cref="ClusterListeners.ViewKey"/>,
/// one entry per node, written only by that node). A listener that starts, drains or stops is written at once, to every
/// node (<see cref="WriteAll"/>); the counters every refresh interval when they changed, here, for Distributed Data's
/// gossip to carry. When a member is removed, its entry is removed too.
/// </summary>
internal sealed class ListenerViewPublisher : ReceiveActor, IWithTimers
{
    /// <summary>Its name under <c>/system</c>.</summary>
    public const string Name = "actor-recorder-listener-view";

    private readonly Listeners _listeners;
    private readonly Akka.Cluster.Cluster _cluster;
    private readonly IActorRef _replicator;
    private readonly TimeSpan _refreshInterval;
    private readonly TimeSpan _writeTimeout;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private NodeListeners? _written;
    private bool _reading;
    private bool _readAgain;

    public ListenerViewPublisher(Listeners listeners, Akka.Cluster.Cluster cluster, IActorRef replicator, TimeSpan refreshInterval, TimeSpan writeTimeout)
    {
        _listeners = listeners;
        _cluster = cluster;
        _replicator = replicator;
        _refreshInterval = refreshInterval;
        _writeTimeout = writeTimeout;
        Receive<Refresh>(_ => Read());
        Receive<ListenerStatusChanged>(_ => Read());
        Receive<NodeListeners>(Write);
        Receive<Status.Failure>(f =>
        {
            _reading = false;
            _log.Debug("Could not read this node's listeners: {0}", f.Cause.Message);
            if (_readAgain) Read();
        });
        Receive<ClusterEvent.MemberRemoved>(m => _replicator.Tell(Dsl.Update(ClusterListeners.ViewKey, LWWDictionary<string, NodeListeners>.Empty, WriteLocal.Instance,
            view => view.Remove(_cluster, ClusterListeners.NodeKey(m.Member.UniqueAddress)))));
        Receive<UpdateSuccess>(_ => { });
        Receive<UpdateTimeout>(t => _log.Debug("The listener view was written here; it reaches the nodes that did not confirm by gossip ({0}).", t));
        Receive<IUpdateFailure>(f => _log.Warning("The listener view could not be written: {0}", f));
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(Listeners listeners, Akka.Cluster.Cluster cluster, IActorRef replicator, TimeSpan refreshInterval, TimeSpan writeTimeout) =>
        Akka.Actor.Props.Create(() => new ListenerViewPublisher(listeners, cluster, replicator, refreshInterval, writeTimeout));

    protected override void PreStart()
    {
        Context.System.EventStream.Subscribe(Self, typeof(ListenerStatusChanged));
        _cluster.Subscribe(Self, ClusterEvent.SubscriptionInitialStateMode.InitialStateAsEvents, typeof(ClusterEvent.MemberRemoved));
        Timers.StartPeriodicTimer(Refresh.Instance, Refresh.Instance, _refreshInterval);
        Read();
    }

    protected override void PostStop()
    {
        Context.System.EventStream.Unsubscribe(Self);
        _cluster.Unsubscribe(Self);
    }

    // One read at a time; a change seen meanwhile reads again after it, so the last change is never missed.
    private void Read()
    {
        if (_reading)
        {
            _readAgain = true;
            return;
        }
        _reading = true;
        _readAgain = false;
        SnapshotAsync().PipeTo(Self);
    }

    private async Task<NodeListeners> SnapshotAsync()
    {
        var self = _cluster.SelfAddress;
        var listeners = new List<ClusterListenerInfo>();
        foreach (var name in await _listeners.ListAsync().ConfigureAwait(false))
        {
            // A stopped listener is on its way out of its supervisor (drained, stopped) or restarting: not serving either way.
            if (await _listeners.InfoAsync(name).ConfigureAwait(false) is { Status: not ListenerStatus.Stopped } info)
                listeners.Add(ClusterListenerInfo.From(self, info));
        }
        return new NodeListeners(listeners);
    }

    private void Write(NodeListeners snapshot)
    {
        _reading = false;
        if (!snapshot.SameAs(_written))
        {
            // A listener that came, went or changed status goes to every node now; new counters ride on gossip.
            IWriteConsistency consistency = snapshot.SameListenersAs(_written) ? WriteLocal.Instance : new WriteAll(_writeTimeout);
            _written = snapshot;
            var key = ClusterListeners.NodeKey(_cluster.SelfUniqueAddress);
            _replicator.Tell(Dsl.Update(ClusterListeners.ViewKey, LWWDictionary<string, NodeListeners>.Empty, consistency, view => view.SetItem(_cluster, key, snapshot)));
        }
        if (_readAgain) Read();
    }

    private sealed class Refresh
    {
        public static readonly Refresh Instance = new();
    }
}
