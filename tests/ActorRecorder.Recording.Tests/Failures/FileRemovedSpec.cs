namespace ActorRecorder.Recording.Tests.Failures;

using ActorRecorder.Recording.Tests.Support;
using Akka.Actor;
using Xunit;
using Xunit.Abstractions;
using Record = ActorRecorder.Recording.Record;

/// <summary>A file removed under the recorder is a write error: logged, counted, and the restarted recorder creates it again.</summary>
public sealed class FileRemovedSpec(ITestOutputHelper output) : RecorderSpec(output)
{
    [Fact]
    public async Task A_removed_file_is_a_write_error_and_the_restarted_recorder_recreates_it()
    {
        var path = Dir.File();
        var recorder = await StartAsync(path, new RecorderOptions { FlushInterval = TimeSpan.FromHours(1) });
        recorder.Tell(new Record(Direction.Out, Frame.Text("before removal")));
        await FlushAsync(recorder);

        File.Delete(path);
        recorder.Tell(new Record(Direction.In, Frame.Text("after removal")));
        RecorderWriteException? error = null;
        await EventFilter.Error(contains: $"could not write {path}:").ExpectOneAsync(async () =>
            error = await Assert.ThrowsAsync<RecorderWriteException>(() => FlushAsync(recorder)));
        Assert.Contains("removed", error!.Message, StringComparison.Ordinal);

        await FlushAsync(recorder);

        Assert.Equal(["after removal"], JsonLines(path).Select(Text));
        var stats = await StatsAsync(recorder);
        Assert.Equal((2L, 1L, 1L), (stats.Entries, stats.Failures, stats.Restarts));
        await StopAsync(recorder);
    }
}
