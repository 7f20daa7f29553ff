using System.Text.Json;
using ActorRecorder.Http;
using Akka.Actor;

namespace ActorRecorder.Server.Serving;

/// <summary>
/// <c>/api/status/events</c>: the status page's live feed, a loop handler that pushes a <see cref="StatusSnapshot"/> as a
/// Server-Sent Event (<c>event: status</c>) at once and then every second, until the client leaves or the listener drains
/// (the default answer: acknowledge and finish). With an admin token it needs the token, as the snapshot does.
/// </summary>
internal sealed class StatusStream : LoopHandler, IWithTimers
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    private readonly ServeState _state;
    private bool _taking;

    public StatusStream(ServeState state)
    {
        _state = state;
        Receive<Tick>(_ => Take());
        Receive<StatusSnapshot>(snapshot =>
        {
            _taking = false;
            PushEvent(JsonSerializer.Serialize(snapshot, JsonSerializerOptions.Web), eventName: "status");
        });
        // A snapshot that failed (the system is stopping) is skipped: the next tick takes another.
        Receive<Status.Failure>(_ => _taking = false);
    }

    /// <inheritdoc />
    public ITimerScheduler Timers { get; set; } = null!;

    /// <inheritdoc />
    protected override void PreStart()
    {
        if (!ServerRoutes.Authorized(_state, Request))
        {
            SetStatus(401);
            SetHeader("WWW-Authenticate", "Bearer");
            Push(ServerRoutes.TokenRequired);
            Finish();
            return;
        }
        Take();
        Timers.StartPeriodicTimer(Tick.Instance, Tick.Instance, Interval);
    }

    /// <summary>Takes a snapshot, unless one is being taken: a slow snapshot is not queued behind another.</summary>
    private void Take()
    {
        if (_taking) return;
        _taking = true;
        StatusSnapshot.TakeAsync(_state, CancellationToken.None).PipeTo(Self);
    }

    private sealed class Tick
    {
        public static readonly Tick Instance = new();
    }
}
