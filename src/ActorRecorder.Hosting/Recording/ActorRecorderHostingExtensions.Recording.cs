using ActorRecorder.Recording;
using Akka.Hosting;

namespace ActorRecorder.Hosting;

public static partial class ActorRecorderHostingExtensions
{
    /// <summary>
    /// Records the WebSocket sessions of the listeners under <paramref name="directory"/>
    /// (<c>&lt;directory&gt;/&lt;listener&gt;/&lt;UTC time&gt;-&lt;session&gt;.jsonl</c>), and sets how every session's
    /// recorder buffers and flushes. Written as HOCON over what was added before: <c>actor-recorder.http.record-to</c>, the
    /// default <c>RecordTo</c> of the listeners added with <c>WithListener</c> and of those read from config (a listener or
    /// a route that names its own directory keeps it), and, when <paramref name="options"/> are given, every key of
    /// <c>actor-recorder.recorder</c>, which the sessions' recorders and <c>Recorder.StartAsync</c> without options read.
    /// Calls <c>WithActorRecorder()</c> if it was not called. The host's stop flushes every recorder before the actor
    /// system terminates.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="directory">The recordings directory, created when missing; a relative path is taken from the current directory when the builder runs.</param>
    /// <param name="options">How the recorders buffer and flush; null keeps <c>actor-recorder.recorder</c> as configured. <c>Owner</c> must be null: it belongs to one session.</param>
    /// <returns>The same builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="directory"/> is empty or names a file, or an option is invalid; the message names it and its value.</exception>
    public static AkkaConfigurationBuilder WithRecording(this AkkaConfigurationBuilder builder, string directory, RecorderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        var fullPath = Path.GetFullPath(directory);
        if (File.Exists(fullPath))
            throw new ArgumentException($"The recordings directory {fullPath} is a file; give a directory (created if missing).", nameof(directory));
        var hocon = new HoconText();
        hocon.String("actor-recorder.http.record-to", fullPath);
        if (options is not null) RecorderHocon.Write(hocon, options);
        builder.AddHocon(hocon.ToConfig(nameof(WithRecording)), HoconAddMode.Prepend);
        return builder.WithActorRecorder();
    }
}
