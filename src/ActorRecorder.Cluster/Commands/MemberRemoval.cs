using Akka.Actor;
using Akka.Cluster;

namespace ActorRecorder.Cluster;

/// <summary>Waits for a node to be removed from the cluster, as this node sees it.</summary>
internal static class MemberRemoval
{
    /// <summary>Completes when <paramref name="node"/> is removed (at once when it is no member); fails with <see cref="TimeoutException"/> after <paramref name="timeout"/>.</summary>
    public static async Task WaitAsync(ActorSystem system, Akka.Cluster.Cluster cluster, Address node, Task after, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var removed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (node == cluster.SelfAddress)
        {
            // This node's own removal: its cluster daemon stops then, and with it the events.
            cluster.RegisterOnMemberRemoved(() => removed.TrySetResult());
            await after.ConfigureAwait(false);
            await removed.Task.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
            return;
        }
        // Subscribed before the command goes, so that a quick removal is not missed.
        var watcher = system.ActorOf(Props.Create(() => new Watcher(cluster, node, removed)));
        try
        {
            await after.ConfigureAwait(false);
            await removed.Task.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            watcher.Tell(PoisonPill.Instance);
        }
    }

    private sealed class Watcher : ReceiveActor
    {
        private readonly Akka.Cluster.Cluster _cluster;

        public Watcher(Akka.Cluster.Cluster cluster, Address node, TaskCompletionSource removed)
        {
            _cluster = cluster;
            Receive<ClusterEvent.CurrentClusterState>(state =>
            {
                if (!state.Members.Any(m => m.Address == node)) removed.TrySetResult();
            });
            Receive<ClusterEvent.MemberRemoved>(m =>
            {
                if (m.Member.Address == node) removed.TrySetResult();
            });
        }

        protected override void PreStart() =>
            _cluster.Subscribe(Self, ClusterEvent.SubscriptionInitialStateMode.InitialStateAsSnapshot, typeof(ClusterEvent.MemberRemoved));

        protected override void PostStop() => _cluster.Unsubscribe(Self);
    }
}
