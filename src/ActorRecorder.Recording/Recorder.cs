using ActorRecorder.Otp;
using Akka.Actor;

namespace ActorRecorder.Recording;

/// <summary>
/// Starts and stops session recorders: one actor per WebSocket session that writes every frame told
/// to it (<see cref="Record"/>) to a JSONL file, ZenWebsocket's <c>RecorderServer</c> on Akka.NET.
/// </summary>
/// <example>
/// <code>
/// var recorder = await Recorder.StartAsync(system, "/var/log/sessions/42.jsonl");
/// recorder.Tell(new Record(Direction.Out, Frame.Text("hello")));
/// await recorder.Ask&lt;Flushed&gt;(Flush.Instance);
/// var stats = await recorder.Ask&lt;RecorderStats&gt;(GetStats.Instance);
/// await Recorder.StopAsync(recorder);
/// </code>
/// </example>
public static class Recorder
{
    /// <summary>The default timeout of <see cref="StopAsync"/>.</summary>
    public static readonly TimeSpan DefaultStopTimeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Starts a recorder writing to <paramref name="path"/> under the root supervisor's <c>recorders</c>. Like
    /// <c>start_link</c>, it returns once the file is open: a missing directory, a path that is a
    /// directory, no permission, or a path another recorder of this system writes to throws a
    /// <see cref="RecorderStartException"/> naming the path and the reason, and leaves no actor behind.
    /// </summary>
    /// <param name="system">The actor system.</param>
    /// <param name="path">The JSONL file; relative paths are taken from the current directory.</param>
    /// <param name="options">How to buffer and flush; null reads <c>actor-recorder.recorder</c> from the system's configuration.</param>
    /// <param name="cancellationToken">Cancels the wait for the start.</param>
    /// <returns>The recorder; tell it <see cref="Record"/>s, ask it <see cref="Flush"/> and <see cref="GetStats"/>.</returns>
    /// <exception cref="ArgumentException">An option is invalid; the message names it and its value.</exception>
    /// <exception cref="RecorderStartException">The file cannot be opened.</exception>
    public static Task<IActorRef> StartAsync(ActorSystem system, string path, RecorderOptions? options = null, CancellationToken cancellationToken = default) =>
        StartHookedAsync(system, path, options, RecorderHooks.None, cancellationToken);

    /// <summary>As <see cref="StartAsync"/>, with hooks that let specs hold or fail writes and fsyncs.</summary>
    internal static async Task<IActorRef> StartHookedAsync(ActorSystem system, string path, RecorderOptions? options, RecorderHooks? hooks,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var registry = RecorderRegistry.Get(system); // first: it adds the product's defaults to the system's config
        options ??= registry.ConfiguredOptions;
        options.Validate();

        var fullPath = Path.GetFullPath(path);
        var state = new RecorderState(fullPath, options, hooks ?? RecorderHooks.None);
        if (!registry.TryReserve(state)) throw new RecorderStartException(fullPath, RecorderStartFailure.AlreadyRecording);
        try
        {
            var props = Props.CreateBy(new RecorderActor.Producer(state));
            if (options.MailboxCapacity is { } capacity) props = props.WithMailbox(registry.MailboxFor(capacity));
            var timeout = OtpExtension.Get(system).Settings.CallTimeout;
            return await RecorderHost.StartChildAsync(system, props, timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            registry.Release(state);
            if (StartFailure(fullPath, e) is { } failure) throw new RecorderStartException(fullPath, failure, e);
            throw;
        }
    }

    /// <summary>
    /// Stops a recorder after everything it received before this call: it writes what remains and
    /// closes the file. Completes when the recorder has terminated (at once if it already had).
    /// </summary>
    /// <param name="recorder">The recorder.</param>
    /// <param name="timeout">How long to wait; default <see cref="DefaultStopTimeout"/>.</param>
    /// <param name="cancellationToken">Cancels the wait (the recorder still stops).</param>
    /// <exception cref="TimeoutException">The recorder did not terminate in time.</exception>
    public static async Task StopAsync(IActorRef recorder, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(recorder);
        var wait = timeout ?? DefaultStopTimeout;
        // A PoisonPill is queued behind the records already sent, as gen_server's stop is: they are written first.
        // Akka's GracefulStop faults with a TaskCanceledException when the time runs out: that is a timeout, said as one.
        bool stopped;
        try
        {
            stopped = await recorder.GracefulStop(wait, PoisonPill.Instance).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"Recorder {recorder.Path} did not stop within {wait}.", e);
        }
        if (!stopped) throw new TimeoutException($"Recorder {recorder.Path} did not stop within {wait}.");
    }

    private static RecorderStartFailure? StartFailure(string path, Exception error)
    {
        if (error is TimeoutException) return RecorderStartFailure.Timeout;
        if (error is not (IOException or UnauthorizedAccessException)) return null;
        // Unix reports a directory as "access denied"; say what it is.
        if (Directory.Exists(path)) return RecorderStartFailure.IsADirectory;
        return error switch
        {
            DirectoryNotFoundException => RecorderStartFailure.DirectoryNotFound,
            FileNotFoundException => RecorderStartFailure.DirectoryNotFound,
            UnauthorizedAccessException => RecorderStartFailure.AccessDenied,
            _ => RecorderStartFailure.IOError,
        };
    }
}
