using System.Collections.Concurrent;
using Akka;
using Akka.Actor;

namespace ActorRecorder.Otp;

/// <summary>
/// The supervisors of a system that no OTP supervisor stops in order — those whose parent is not a
/// <see cref="Supervisor"/>. In CoordinatedShutdown's service-stop phase each gets
/// <see cref="GracefulShutdown"/>, the last started first, one at a time, so <c>ActorSystem.Terminate()</c>
/// and host stop keep OTP order; Akka would stop all their children at once. The phase's timeout follows
/// the shutdown specs: it is raised to what the trees may take when CoordinatedShutdown is created after
/// them, and a warning names the setting when it was created before.
/// </summary>
internal sealed class TopLevelSupervisors(ExtendedActorSystem system, bool enabled)
{
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<IActorRef, Entry> _live = new();
    private readonly Lock _gate = new();
    private long _order;
    private bool _hooked;
    private TimeSpan _required;

    private sealed record Entry(IActorRef Parent, long Order, TimeSpan Budget);

    /// <summary>Notes a supervisor that has started; a top-level one joins the ordered shutdown.</summary>
    public void Register(IActorRef supervisor, IActorRef parent, TimeSpan budget)
    {
        // A supervisor restarted in place registers again, and keeps its place in the order.
        _live.AddOrUpdate(supervisor, _ => new Entry(parent, Interlocked.Increment(ref _order), budget), (_, old) => old with { Budget = budget });
        if (!enabled || _live.ContainsKey(parent)) return; // a child supervisor: its parent stops it in order
        lock (_gate)
        {
            var needed = TopLevel().Aggregate(TimeSpan.Zero, (sum, e) => sum + e.Value.Budget) + Margin;
            if (needed <= _required) return;
            _required = needed;
            PhaseTimeouts.Require(system, CoordinatedShutdown.PhaseServiceStop, needed, "The OTP supervisors' ordered shutdown (what is left when it runs out is stopped all at once)");
            if (_hooked) return;
            CoordinatedShutdown.Get(system).AddTask(CoordinatedShutdown.PhaseServiceStop, "stop-otp-supervisors", StopAllAsync);
            _hooked = true;
        }
    }

    /// <summary>Whether <paramref name="actor"/> is a live OTP <see cref="Supervisor"/> of this system.</summary>
    public bool IsSupervisor(IActorRef actor) => _live.ContainsKey(actor);

    /// <summary>Forgets a supervisor that has stopped.</summary>
    public void Unregister(IActorRef supervisor) => _live.TryRemove(supervisor, out _);

    private IEnumerable<KeyValuePair<IActorRef, Entry>> TopLevel() => _live.Where(e => !_live.ContainsKey(e.Value.Parent));

    private async Task<Done> StopAllAsync()
    {
        foreach (var supervisor in TopLevel().OrderByDescending(e => e.Value.Order).Select(e => e.Key).ToList())
            await Supervisor.StopAsync(supervisor).ConfigureAwait(false);
        return Done.Instance;
    }
}
