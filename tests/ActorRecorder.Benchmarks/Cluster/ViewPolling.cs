using ActorRecorder.Cluster;
using Akka.Actor;

namespace ActorRecorder.Benchmarks.Cluster;

/// <summary>Polls nodes' <see cref="ClusterListeners.ListAsync"/> in a tight loop (1 ms awaits), bounded by <see cref="BenchNodes.Patience"/>.</summary>
public static class ViewPolling
{
    /// <summary>Completes once every one of <paramref name="viewers"/> lists listener <paramref name="name"/> of <paramref name="node"/>.</summary>
    public static async Task UntilVisibleAsync(IReadOnlyList<ActorSystem> viewers, Address node, string name)
    {
        var pending = viewers.ToList();
        var deadline = DateTime.UtcNow + BenchNodes.Patience;
        while (true)
        {
            for (var i = pending.Count - 1; i >= 0; i--)
            {
                var view = await ClusterListeners.Get(pending[i]).ListAsync().ConfigureAwait(false);
                if (view.Any(l => l.Name == name && l.Node == node)) pending.RemoveAt(i);
            }
            if (pending.Count == 0) return;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Listener '{name}' of {node} was not in the view of {pending.Count} of {viewers.Count} nodes within {BenchNodes.Patience}.");
            await Task.Delay(1).ConfigureAwait(false);
        }
    }
}
