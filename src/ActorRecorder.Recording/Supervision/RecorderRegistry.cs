using System.Collections.Concurrent;
using Akka;
using Akka.Actor;
using Akka.Event;
using ActorRecorder.Otp;

namespace ActorRecorder.Recording;

/// <summary>
/// The live recorders of one actor system (an Akka extension): which paths are being recorded (two
/// recorders on one file would interleave and corrupt it), the drops of their bounded mailboxes, and
/// the flush of every recorder in the <c>before-actor-system-terminate</c> phase of CoordinatedShutdown.
/// </summary>
internal sealed class RecorderRegistry : IExtension
{
    private readonly ExtendedActorSystem _system;
    private readonly ConcurrentDictionary<string, RecorderState> _byPath = new(OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
    private readonly ConcurrentDictionary<IActorRef, RecorderState> _byRecorder = new();
    private readonly ConcurrentDictionary<int, bool> _mailboxes = new();
    private RecorderOptions? _configured;

    public RecorderRegistry(ExtendedActorSystem system)
    {
        ProductDefaults.AddTo(system);
        _system = system;
        // Akka starts its scheduler on first use and makes that caller wait for a task on the thread pool: a thousand
        // recorders arming their first flush timer at once could hold every pool thread there. Start it now, once.
        system.Scheduler.Advanced.ScheduleOnce(TimeSpan.Zero, static () => { });
        try
        {
            CoordinatedShutdown.Get(system).AddTask(CoordinatedShutdown.PhaseBeforeActorSystemTerminate, "flush-recorders", FlushAllAsync);
        }
        catch (InvalidOperationException)
        {
            // The shutdown is past that phase: recorders still flush in PostStop.
        }
    }

    /// <summary>The registry of <paramref name="system"/>, created on first use.</summary>
    public static RecorderRegistry Get(ActorSystem system) => system.WithExtension<RecorderRegistry, RecorderRegistryProvider>();

    /// <summary>Claims the path of <paramref name="state"/>; false if a live recorder writes to it.</summary>
    public bool TryReserve(RecorderState state) => _byPath.TryAdd(state.Path, state);

    /// <summary>The options of <c>actor-recorder.recorder</c> in the system's config, read once and shared by the recorders that take them.</summary>
    public RecorderOptions ConfiguredOptions => _configured ??= RecorderOptions.FromConfig(_system.Settings.Config);

    /// <summary>Registers a started recorder (called by its first incarnation); only one with a bounded mailbox needs finding by ref, for its drops.</summary>
    public void Attach(IActorRef recorder, RecorderState state)
    {
        if (state.Options.MailboxCapacity is not null) _byRecorder[recorder] = state;
    }

    /// <summary>Forgets a recorder and frees its path; safe to call more than once.</summary>
    public void Release(RecorderState state)
    {
        _byPath.TryRemove(new KeyValuePair<string, RecorderState>(state.Path, state));
        if (state.Self is { } self) _byRecorder.TryRemove(new KeyValuePair<IActorRef, RecorderState>(self, state));
    }

    /// <summary>The state of the live recorder writing <paramref name="fullPath"/>, if any (for specs).</summary>
    public RecorderState? Find(string fullPath) => _byPath.TryGetValue(fullPath, out var state) ? state : null;

    /// <summary>The mailbox id for <paramref name="capacity"/>, its config added to the system's fallback the first time.</summary>
    public string MailboxFor(int capacity)
    {
        _mailboxes.GetOrAdd(capacity, c =>
        {
            _system.Settings.InjectTopLevelFallback(DropNewestMailbox.ConfigFor(c));
            return true;
        });
        return DropNewestMailbox.ConfigPath(capacity);
    }

    /// <summary>
    /// A full <see cref="DropNewestMailbox"/> dropped <paramref name="envelope"/>, on the sender's thread: a dropped record
    /// is counted, a dropped stop request stops the recorder by a system message instead, and Akka's <see cref="Dropped"/>
    /// is published so the drop is visible on the event stream.
    /// </summary>
    public void OnDropped(IActorRef recorder, Envelope envelope)
    {
        var state = _byRecorder.GetValueOrDefault(recorder);
        if (envelope.Message is Record) state?.CountDropped();
        else if (envelope.Message is PoisonPill) _system.Stop(recorder); // PostStop still writes what it holds
        _system.EventStream.Publish(new Dropped(envelope.Message, $"the recorder's mailbox is full", envelope.Sender, recorder));
    }

    private async Task<Done> FlushAllAsync()
    {
        var recorders = _byPath.Values.Select(s => s.Self).OfType<IActorRef>().ToList();
        if (recorders.Count == 0) return Done.Instance;
        var timeout = CoordinatedShutdown.Get(_system).Timeout(CoordinatedShutdown.PhaseBeforeActorSystemTerminate);
        await Task.WhenAll(recorders.Select(r => FlushQuietlyAsync(r, timeout))).ConfigureAwait(false);
        return Done.Instance;
    }

    private static async Task FlushQuietlyAsync(IActorRef recorder, TimeSpan timeout)
    {
        try
        {
            await recorder.Call<Flushed>(Flush.Instance, timeout).ConfigureAwait(false);
        }
        catch (Exception e) when (e is NoProcException or CallTimeoutException or RecorderWriteException)
        {
            // Gone already, or it logs its own write errors and writes again in PostStop.
        }
    }
}

/// <summary>The Akka extension id of <see cref="RecorderRegistry"/>.</summary>
internal sealed class RecorderRegistryProvider : ExtensionIdProvider<RecorderRegistry>
{
    public override RecorderRegistry CreateExtension(ExtendedActorSystem system) => new(system);
}
