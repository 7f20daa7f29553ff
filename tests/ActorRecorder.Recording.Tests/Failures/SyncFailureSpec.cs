namespace ActorRecorder.Recording.Tests.Failures;

using ActorRecorder.Recording.Tests.Support;
using Akka.Actor;
using Xunit;
using Xunit.Abstractions;
using Record = ActorRecorder.Recording.Record;

/// <summary>
/// With Fsync, Flushed means "on disk". An fsync that fails after its write reached the file crashes the
/// recorder; the restart finds the entries in the file (they are not written twice) and still owes the fsync.
/// </summary>
public sealed class SyncFailureSpec(ITestOutputHelper output) : RecorderSpec(output)
{
    [Fact]
    public async Task After_a_failed_fsync_the_restart_fsyncs_the_entries_already_in_the_file_before_a_Flush_is_answered()
    {
        var path = Dir.File();
        var syncs = 0;
        Action failFirst = () =>
        {
            if (Interlocked.Increment(ref syncs) == 1) throw new IOException("Input/output error (the spec's fsync)");
        };
        var recorder = await StartHookedAsync(path, new RecorderOptions { Fsync = true, FlushInterval = TimeSpan.FromHours(1) }, sync: failFirst);
        recorder.Tell(new Record(Direction.Out, Frame.Text("written, not synced")));

        await EventFilter.Error(contains: $"could not write {path}:").ExpectOneAsync(async () =>
        {
            var failed = await Assert.ThrowsAsync<RecorderWriteException>(() => FlushAsync(recorder));
            Assert.Contains("fsync", failed.Message, StringComparison.Ordinal);
        });
        await AwaitAssertAsync(async () => Assert.Equal(1L, (await StatsAsync(recorder)).Restarts), Bound);

        await FlushAsync(recorder);

        // The entry is in the file once, and an fsync that succeeded came after the one that failed.
        Assert.Equal(["written, not synced"], JsonLines(path).Select(Text));
        Assert.True(Volatile.Read(ref syncs) >= 2, $"{syncs} fsync(s)");
        var stats = await StatsAsync(recorder);
        Assert.Equal((1L, 0L, 1L), (stats.Entries, stats.Pending, stats.Failures));
        await StopAsync(recorder);
    }
}
