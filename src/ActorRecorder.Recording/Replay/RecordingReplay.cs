namespace ActorRecorder.Recording;

/// <summary>
/// Feeds the entries of a recording to a callback, in file order, as fast as possible or in real time
/// (ZenWebsocket's <c>Recorder.replay/3</c>), e.g. to drive a handler under test with a production session.
/// </summary>
public static class RecordingReplay
{
    /// <summary>Replays <paramref name="path"/> into an asynchronous handler; the next entry waits for the handler's task.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="RecordingFormatException">A line is malformed and <see cref="ReplayOptions.SkipMalformed"/> is off.</exception>
    public static async Task<ReplayResult> ReplayAsync(string path, Func<RecordedEntry, CancellationToken, ValueTask> handler, ReplayOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(handler);
        options ??= ReplayOptions.Default;
        options.Validate();

        long entries = 0, skipped = 0;
        var read = new ReadOptions { SkipMalformed = options.SkipMalformed, OnSkipped = _ => skipped++ };
        var clock = options.TimeProvider;
        long due = 0;
        DateTime? previous = null;
        await foreach (var entry in RecordingReader.ReadAsync(path, read, cancellationToken).ConfigureAwait(false))
        {
            if (options.Realtime)
            {
                if (previous is null)
                {
                    due = clock.GetTimestamp();
                }
                else
                {
                    // Each gap is kept, but measured from when the previous entry was due rather than from
                    // when it was handled, so slow handlers and late timers do not add up to a drift.
                    // Timestamps that go back (several producers) do not wait.
                    var gap = entry.Timestamp - previous.Value;
                    if (gap > TimeSpan.Zero) due += (long)(gap.Ticks / options.Speed * clock.TimestampFrequency / TimeSpan.TicksPerSecond); // in double: no overflow for long gaps
                    var wait = due - clock.GetTimestamp();
                    if (wait > 0) await Task.Delay(TimeSpan.FromTicks((long)((double)wait * TimeSpan.TicksPerSecond / clock.TimestampFrequency)), clock, cancellationToken).ConfigureAwait(false);
                }
                previous = entry.Timestamp;
            }
            await handler(entry, cancellationToken).ConfigureAwait(false);
            entries++;
        }
        return new ReplayResult(entries, skipped);
    }

    /// <summary>Replays <paramref name="path"/> into a synchronous handler.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="RecordingFormatException">A line is malformed and <see cref="ReplayOptions.SkipMalformed"/> is off.</exception>
    public static Task<ReplayResult> ReplayAsync(string path, Action<RecordedEntry> handler, ReplayOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return ReplayAsync(path, (entry, _) =>
        {
            handler(entry);
            return ValueTask.CompletedTask;
        }, options, cancellationToken);
    }
}
