using ActorRecorder.Cluster;
using ActorRecorder.Http;
using Akka.Actor;
using Akka.Cluster;
using Akka.Configuration;
using Akka.Dispatch;
using Akka.Event;

namespace ActorRecorder.Benchmarks.Cluster;

/// <summary>
/// Cluster nodes of one benchmark run, in this process: actor systems with remoting on 127.0.0.1 and ephemeral ports,
/// the first joining itself and the others joining it, with the cluster specs' short timings. Dispose terminates them
/// all (at once) and waits for it: no node outlives its run.
/// </summary>
public sealed class BenchNodes : IDisposable
{
    /// <summary>Every node's system name: a seed node's address names it.</summary>
    public const string SystemName = "actor-recorder";

    /// <summary>Every wait of a run is bounded by this; a run that reaches it fails rather than being timed.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The specs' short cluster timings (ClusterTimings.Fast), warnings only, and the log
    /// on standard error so that stdout keeps the figures (and <c>--json</c> stays JSON).
    /// </summary>
    private static readonly Config Bench = ConfigurationFactory.ParseString(ActorRecorder.Testing.ClusterTimings.Fast + "\n" + $$"""
        akka.loglevel = WARNING
        akka.stdout-loglevel = OFF
        akka.loggers = ["{{typeof(StandardErrorLogger).FullName}}, {{typeof(StandardErrorLogger).Assembly.GetName().Name}}"]
        akka.log-dead-letters = off
        akka.log-dead-letters-during-shutdown = off
        """);

    private readonly List<ActorSystem> _nodes = [];

    /// <summary>The nodes, in start order; the first is the seed.</summary>
    public IReadOnlyList<ActorSystem> Nodes => _nodes;

    public ActorSystem this[int index] => _nodes[index];

    /// <summary>Starts <paramref name="count"/> nodes and waits until each sees all of them Up.</summary>
    public static BenchNodes Form(int count)
    {
        var nodes = new BenchNodes();
        try
        {
            for (var i = 0; i < count; i++) nodes.Start();
            nodes.AwaitUp();
            return nodes;
        }
        catch
        {
            nodes.Dispose();
            throw;
        }
    }

    /// <summary>Starts a node: the first joins itself, the next ones join the first.</summary>
    public ActorSystem Start()
    {
        var options = new ActorRecorderClusterOptions
        {
            Hostname = "127.0.0.1",
            Port = 0,
            SeedNodes = _nodes.Count == 0 ? [] : [Address(_nodes[0]).ToString()],
            StableAfter = TimeSpan.FromSeconds(1),
            ViewRefreshInterval = TimeSpan.FromMilliseconds(250),
            RequestTimeout = TimeSpan.FromSeconds(10),
        };
        var node = ActorSystem.Create(SystemName, options.ToConfig().WithFallback(Bench));
        _nodes.Add(node);
        return node;
    }

    /// <summary>Waits, polling every millisecond, until every node sees every node Up; fails after <see cref="Patience"/>.</summary>
    public void AwaitUp()
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!AllUp())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"The {_nodes.Count} nodes did not all see each other Up within {Patience}.");
            Thread.Sleep(1);
        }
    }

    /// <summary>The node's address in the cluster.</summary>
    public static Address Address(ActorSystem node) => Akka.Cluster.Cluster.Get(node).SelfAddress;

    /// <summary>An idle listener: one route, an ephemeral loopback port.</summary>
    public static ListenerOptions Listener() => new()
    {
        Port = 0,
        Routes = new Routes().Map("/", (_, _) => Task.FromResult(HttpResponse.Text("hello"))),
    };

    /// <summary>
    /// Terminates the nodes one at a time, the last started first, each leaving the cluster while the others still run:
    /// terminated at once, each would find its peers gone while flushing remoting, and Akka logs that warning to stdout
    /// once the system's loggers have stopped.
    /// </summary>
    public void Dispose()
    {
        for (var i = _nodes.Count - 1; i >= 0; i--)
        {
            if (!_nodes[i].Terminate().Wait(TimeSpan.FromSeconds(120)))
                throw new TimeoutException($"Benchmark node {Address(_nodes[i])} did not terminate.");
        }
        _nodes.Clear();
    }

    private bool AllUp()
    {
        var addresses = _nodes.Select(Address).ToArray();
        foreach (var node in _nodes)
        {
            var members = Akka.Cluster.Cluster.Get(node).State.Members;
            foreach (var address in addresses)
            {
                if (!members.Any(m => m.Address == address && m.Status == MemberStatus.Up)) return false;
            }
        }
        return true;
    }
}

/// <summary>Akka's log on standard error, so that a node's warnings never mix with the figures on stdout.</summary>
public sealed class StandardErrorLogger : ActorBase, IRequiresMessageQueue<ILoggerMessageQueueSemantics>
{
    protected override bool Receive(object message)
    {
        switch (message)
        {
            case InitializeLogger:
                Sender.Tell(new LoggerInitialized());
                return true;
            case LogEvent e:
                Console.Error.WriteLine(e.ToString());
                return true;
            default:
                return false;
        }
    }
}
