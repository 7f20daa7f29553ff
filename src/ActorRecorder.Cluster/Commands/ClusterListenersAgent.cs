using ActorRecorder.Http;
using Akka.Actor;
using Akka.Event;

namespace ActorRecorder.Cluster;

/// <summary>
/// Runs, on its own node, the commands that <see cref="ClusterListeners"/> on any node sends: drain or stop one of its
/// listeners, or drain them all and leave the cluster. A system actor at <c>/system/actor-recorder-listeners</c>.
/// </summary>
internal sealed class ClusterListenersAgent : ReceiveActor
{
    /// <summary>Its name under <c>/system</c>.</summary>
    public const string Name = "actor-recorder-listeners";

    private readonly Listeners _listeners;
    private readonly Akka.Cluster.Cluster _cluster;
    private readonly ILoggingAdapter _log = Context.GetLogger();

    public ClusterListenersAgent(Listeners listeners, Akka.Cluster.Cluster cluster)
    {
        _listeners = listeners;
        _cluster = cluster;
        Receive<DrainListener>(m => Run(m.Name, async () => new ListenerDrained(m.Name, await _listeners.DrainAsync(m.Name, m.Timeout).ConfigureAwait(false))));
        Receive<StopListener>(m => Run(m.Name, async () => await _listeners.StopAsync(m.Name).ConfigureAwait(false)
            ? new ListenerStopped(m.Name)
            : NotFound(m.Name)));
        Receive<DrainNode>(m => DrainNode(m.Timeout));
    }

    public static Props Props(Listeners listeners, Akka.Cluster.Cluster cluster) =>
        Akka.Actor.Props.Create(() => new ClusterListenersAgent(listeners, cluster));

    private void Run(string name, Func<Task<object>> command)
    {
        var self = _cluster.SelfAddress;
        command().PipeTo(Sender, failure: e => e switch
        {
            ListenerNotFoundException => NotFound(name),
            _ => new CommandFailed(CommandFailure.Failed, name, $"on node {self}: {e.GetBaseException().Message}"),
        });
    }

    private CommandFailed NotFound(string name) =>
        new(CommandFailure.ListenerNotFound, name, $"No listener named '{name}' on node {_cluster.SelfAddress}.");

    private void DrainNode(TimeSpan timeout)
    {
        var replyTo = Sender;
        var cluster = _cluster;
        var log = _log;
        _log.Info("Draining every listener of this node within {0}, then leaving the cluster, as asked by {1}.", timeout, replyTo.Path.Address);
        DrainAllAsync(timeout).ContinueWith(task =>
        {
            if (task.IsCompletedSuccessfully) replyTo.Tell(task.Result);
            else replyTo.Tell(new CommandFailed(CommandFailure.Failed, "", $"on node {cluster.SelfAddress}: {task.Exception?.GetBaseException().Message}"));
            // It leaves even when a drain failed: whoever asked wants the node out, and its CoordinatedShutdown (run by the
            // leave) stops what is left in OTP order.
            log.Info("Leaving the cluster after the drain.");
            cluster.Leave(cluster.SelfAddress);
        }, TaskScheduler.Default);
    }

    private async Task<NodeDrained> DrainAllAsync(TimeSpan timeout)
    {
        var names = await _listeners.ListAsync().ConfigureAwait(false);
        var drains = names.Select(async name =>
        {
            try
            {
                return new ListenerDrained(name, await _listeners.DrainAsync(name, timeout).ConfigureAwait(false));
            }
            catch (ListenerNotFoundException)
            {
                return null; // stopped meanwhile: nothing to drain
            }
        });
        var drained = await Task.WhenAll(drains).ConfigureAwait(false);
        return new NodeDrained(drained.OfType<ListenerDrained>().ToArray());
    }
}
