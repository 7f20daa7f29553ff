using Akka.Actor;
using Akka.Cluster;

namespace ActorRecorder.Server.Clustering;

/// <summary>
/// Prints the membership changes this node sees, one line each: <c>cluster: akka.tcp://actor-recorder@127.0.0.1:4054 up</c>,
/// <c>… unreachable</c>, <c>… reachable again</c>, <c>… leaving</c>, <c>… downed</c>, <c>… removed</c>. What an operator
/// watches in the log, and what the process specs wait for.
/// </summary>
internal sealed class ClusterReporter : ReceiveActor
{
    private readonly Akka.Cluster.Cluster _cluster;

    public ClusterReporter(Akka.Cluster.Cluster cluster, TextWriter output)
    {
        _cluster = cluster;
        Receive<ClusterEvent.MemberUp>(e => Print(output, e.Member.Address, "up"));
        Receive<ClusterEvent.MemberLeft>(e => Print(output, e.Member.Address, "leaving"));
        Receive<ClusterEvent.MemberDowned>(e => Print(output, e.Member.Address, "downed"));
        Receive<ClusterEvent.MemberRemoved>(e => Print(output, e.Member.Address, "removed"));
        Receive<ClusterEvent.UnreachableMember>(e => Print(output, e.Member.Address, "unreachable"));
        Receive<ClusterEvent.ReachableMember>(e => Print(output, e.Member.Address, "reachable again"));
        Receive<ClusterEvent.IMemberEvent>(_ => { });
    }

    protected override void PreStart() =>
        _cluster.Subscribe(Self, ClusterEvent.SubscriptionInitialStateMode.InitialStateAsEvents,
            typeof(ClusterEvent.IMemberEvent), typeof(ClusterEvent.IReachabilityEvent));

    protected override void PostStop() => _cluster.Unsubscribe(Self);

    private static void Print(TextWriter output, Address member, string what)
    {
        output.WriteLine($"cluster: {member} {what}");
        output.Flush();
    }
}
