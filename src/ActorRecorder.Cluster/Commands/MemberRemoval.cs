using Akka.Actor;
using Akka.Cluster;

namespace ActorRecorder.Cluster;

/// <summary>Waits for a node to be removed from the cluster, as this node sees it.</summary>
internal static class MemberRemoval
{
    /// <summary>
    /// Watches for <paramref name="node"/>'s removal, then runs <paramref name="command"/>; completes with the command's
    /// answer once the command has answered and the node is removed. The removal's wait fails with
    /// <see cref="TimeoutException"/> after <paramref name="timeout"/>.
    /// </summary>
    public static async Task<T> AfterAsync<T>(ActorSystem system, Akka.Cluster.Cluster cluster, Address node, Func<Task<T>> command, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var removed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (node == cluster.SelfAddress)
        {
            // This node's own removal: its cluster daemon stops then, and with it the events.
            cluster.RegisterOnMemberRemoved(() => removed.TrySetResult());
            var own = await command().ConfigureAwait(false);
            await removed.Task.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
            return own;
        }
        // Watching before the command goes: a removal that comes at once is seen by the snapshot or the event.
        var watcher = system.ActorOf(Props.Create(() => new Watcher(cluster, node, removed)));
        try
        {
            var answer = await command().ConfigureAwait(false);
            await removed.Task.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
            return answer;
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
