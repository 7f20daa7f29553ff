using System.Net;
using Akka.Actor;

namespace ActorRecorder.Http;

/// <summary>
/// What a listener keeps across restarts of its actor: its name and options, its counters, and the port it was
/// given when 0 was asked (a restarted listener binds that port again, so clients find it where it was).
/// </summary>
internal sealed class ListenerState(string name, ListenerOptions options, ActorSystem system)
{
    public string Name { get; } = name;

    public ListenerOptions Options { get; } = options;

    public ActorSystem System { get; } = system;

    public ListenerCounters Counters { get; } = new();

    public IPEndPoint? Endpoint { get; set; }

    private volatile ListenerStatus _status = ListenerStatus.Stopped;

    /// <summary>Set by the listener's actor only; each change is published as <see cref="ListenerStatusChanged"/>.</summary>
    public ListenerStatus Status
    {
        get => _status;
        set
        {
            if (_status == value) return;
            _status = value;
            System.EventStream.Publish(new ListenerStatusChanged(Name, value));
        }
    }

    /// <summary>Counts a refusal: in <see cref="ListenerInfo.Rejected"/> and on the rejections meter, by reason.</summary>
    public void CountRejection(string reason)
    {
        Counters.Rejection();
        HttpTelemetry.Rejections.Add(1, new("listener", Name), new("reason", reason));
    }

    public ListenerInfo Info() => new(Name, Endpoint ?? new IPEndPoint(Options.Address, Options.Port), Options.Protocols, Status,
        Counters.Connections, Counters.Sessions, Counters.Served, Counters.Rejected);
}
