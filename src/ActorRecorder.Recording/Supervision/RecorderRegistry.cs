using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using ActorRecorder.Actors;

namespace ActorRecorder.Recording;

/// <summary>
/// The live recorders of one actor system: which paths are being recorded (two recorders on one
/// file would interleave and corrupt it), the drop counting of bounded mailboxes, and the flush of
/// every recorder in the <c>before-actor-system-terminate</c> phase of the coordinated shutdown.
/// Only recorders with a bounded mailbox are kept by ref: the others need no lookup.
/// </summary>
/// <remarks>
/// Drops are counted by one event-stream subscription per system and a dictionary lookup, rather
/// than one subscription per recorder: every subscriber sees every <see cref="Dropped"/>, so a
/// thousand bounded recorders would make each drop cost a thousand callbacks, exactly when the
/// system is overloaded.
/// </remarks>
internal sealed class RecorderRegistry
{
    private static readonly ConditionalWeakTable<ActorSystem, RecorderRegistry> Registries = new();

    private readonly ActorSystem _system;
    private readonly ConcurrentDictionary<string, RecorderState> _byPath = new(OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
    private readonly ConcurrentDictionary<IActorRef, RecorderState> _byRecorder = new();
    private readonly Lock _gate = new();
    private IDisposable? _drops;

    private RecorderRegistry(ActorSystem system)
    {
        _system = system;
        try
        {
            system.CoordinatedShutdown.AddTask(CoordinatedShutdown.PhaseBeforeActorSystemTerminate, "flush-recorders", FlushAllAsync);
        }
        catch (InvalidOperationException)
        {
            // The shutdown is past that phase: recorders still flush in PostStop.
        }
    }

    /// <summary>The registry of <paramref name="system"/>, created on first use.</summary>
    public static RecorderRegistry For(ActorSystem system) => Registries.GetValue(system, static s => new RecorderRegistry(s));

    /// <summary>Claims the path of <paramref name="state"/>; false if a live recorder writes to it.</summary>
    public bool TryReserve(RecorderState state) => _byPath.TryAdd(state.Path, state);

    /// <summary>Registers a started recorder (called by its first incarnation).</summary>
    public void Attach(IActorRef recorder, RecorderState state)
    {
        if (state.Options.MailboxCapacity is null) return;
        _byRecorder[recorder] = state;
        EnsureDropCounting();
    }

    /// <summary>Forgets a recorder and frees its path; safe to call more than once.</summary>
    public void Release(RecorderState state)
    {
        _byPath.TryRemove(new KeyValuePair<string, RecorderState>(state.Path, state));
        if (state.Self is { } self) _byRecorder.TryRemove(new KeyValuePair<IActorRef, RecorderState>(self, state));
    }

    /// <summary>The state of the live recorder writing <paramref name="fullPath"/>, if any (for specs).</summary>
    public RecorderState? Find(string fullPath) => _byPath.TryGetValue(fullPath, out var state) ? state : null;

    private void EnsureDropCounting()
    {
        if (Volatile.Read(ref _drops) is not null) return;
        lock (_gate)
        {
            _drops ??= _system.EventStream.Subscribe<Dropped>(OnDropped);
        }
    }

    // Runs on the sender's thread: a dictionary lookup and an increment, nothing that blocks.
    private void OnDropped(Dropped dropped)
    {
        if (!_byRecorder.TryGetValue(dropped.Recipient, out var state)) return;
        switch (dropped.Message)
        {
            case Record:
                state.CountDropped();
                break;
            case PoisonPill:
                // StopAsync's stop request hit a full mailbox: stop it with a system message instead,
                // which PostStop still flushes; the records still queued become dead letters, visibly.
                _system.Stop(dropped.Recipient);
                break;
        }
    }

    private async Task FlushAllAsync(CancellationToken cancellationToken)
    {
        if (_byPath.IsEmpty) return;
        var timeout = _system.CoordinatedShutdown.Timeout(CoordinatedShutdown.PhaseBeforeActorSystemTerminate);
        IReadOnlyList<IActorRef> recorders;
        try
        {
            recorders = await RecorderHost.ChildrenAsync(_system, timeout).ConfigureAwait(false);
        }
        catch (Exception e) when (e is ActorException or TimeoutException)
        {
            return;
        }
        await Task.WhenAll(recorders.Select(r => FlushQuietlyAsync(r, timeout, cancellationToken))).ConfigureAwait(false);
    }

    private static async Task FlushQuietlyAsync(IActorRef recorder, TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            await recorder.Ask<Flushed>(Flush.Instance, timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is ActorException or TimeoutException or OperationCanceledException or IOException)
        {
            // The recorder logs its own write errors and flushes again in PostStop.
        }
    }
}
