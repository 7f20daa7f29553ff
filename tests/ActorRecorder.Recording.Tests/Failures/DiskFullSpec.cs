namespace ActorRecorder.Recording.Tests.Failures;

using ActorRecorder.Otp;
using ActorRecorder.Recording.Tests.Support;
using Akka.Actor;
using Xunit;
using Xunit.Abstractions;
using Record = ActorRecorder.Recording.Record;

/// <summary>
/// A full disk (/dev/full): each write error is logged with the path, counted, and crashes the
/// recorder, which is restarted with its entries; when the supervisor gives up, the error is logged
/// once more and recording stops, visibly (dead letters), while the session goes on.
/// </summary>
public sealed class DiskFullSpec(ITestOutputHelper output)
    // A window far longer than the spec takes, so that the fourth restart is always past the intensity, however loaded the machine.
    : RecorderSpec(output, "actor-recorder.supervision.recorders { intensity = 3, period = 60s }")
{
    private const string Full = "/dev/full";

    [Fact]
    public async Task A_full_disk_is_logged_counted_and_retried_until_the_supervisor_gives_up()
    {
        if (!File.Exists(Full)) return;
        var session = Sys.ActorOf(Props.Create(() => new Session()), "session");
        var recorder = await StartAsync(Full, new RecorderOptions { Owner = session, FlushInterval = TimeSpan.FromHours(1) });
        Watch(recorder);
        recorder.Tell(new Record(Direction.Out, Frame.Text("lost to a full disk")));

        RecorderWriteException? error = null;
        await EventFilter.Error(contains: $"could not write {Full}:").ExpectOneAsync(async () =>
            error = await Assert.ThrowsAsync<RecorderWriteException>(() => FlushAsync(recorder)));
        Assert.Equal(Full, error!.Path);
        var stats = await StatsAsync(recorder);
        Assert.Equal((1L, 1L, 1L, 0L), (stats.Failures, stats.Restarts, stats.Pending, stats.Entries));

        var attempts = 0;
        await EventFilter.Error(contains: $"Recording to {Full} stopped").ExpectOneAsync(async () =>
        {
            // More than 3 restarts within the period: the supervisor gives up and stops the recorder.
            // A Call fails at once (noproc) on a recorder that is gone, where an Ask would wait for its timeout.
            for (; attempts < 50; attempts++)
            {
                try
                {
                    await recorder.Call<Flushed>(Flush.Instance, Bound);
                }
                catch (RecorderWriteException)
                {
                    continue;
                }
                catch (NoProcException)
                {
                    break;
                }
            }
        });
        Assert.InRange(attempts, 3, 49);
        ExpectTerminated(recorder);

        EventFilter.DeadLetter<Record>().ExpectOne(() => recorder.Tell(new Record(Direction.Out, Frame.Text("after the end"))));
        Assert.Equal("still running", await session.Ask<string>("still running", Bound));
        // The root started a fresh recorders supervisor: recording goes on for the next session.
        await StopAsync(await StartAsync(Dir.File("next.jsonl")));
    }

    private sealed class Session : ActorBase
    {
        protected override bool Receive(object message)
        {
            Sender.Tell(message, Self);
            return true;
        }
    }
}
