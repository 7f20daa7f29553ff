namespace ActorRecorder.Recording.Tests.Recorders;

using ActorRecorder.Otp;
using ActorRecorder.Recording.Tests.Support;
using Akka.Actor;
using Akka.Event;
using Xunit;
using Xunit.Abstractions;
using Record = ActorRecorder.Recording.Record;

/// <summary>Nothing that reached a recorder is lost, whoever stops it: StopAsync, its owner, its supervisor, Akka's stop or the system.</summary>
public sealed class LifecycleSpec(ITestOutputHelper output) : RecorderSpec(output)
{
    private static readonly RecorderOptions Buffering = new() { FlushInterval = TimeSpan.FromHours(1) };

    [Fact]
    public async Task StopAsync_flushes_the_remaining_buffer_and_closes_the_file()
    {
        var path = Dir.File();
        var recorder = await StartAsync(path, Buffering);
        Watch(recorder);

        recorder.Tell(new Record(Direction.Out, Frame.Text("final message")));
        await StopAsync(recorder);

        ExpectTerminated(recorder);
        Assert.Equal(["final message"], JsonLines(path).Select(Text));
        // Closed: the file can be removed and the path recorded again.
        File.Delete(path);
        await StopAsync(await StartAsync(path));
        await StopAsync(recorder);
    }

    [Fact]
    public async Task StopAsync_that_runs_out_of_time_throws_TimeoutException_and_the_recorder_still_stops_after_what_it_was_told()
    {
        var path = Dir.File();
        using var release = new ManualResetEventSlim();
        using var entered = new SemaphoreSlim(0);
        WriteHook hold = (_, _) =>
        {
            entered.Release();
            if (!release.Wait(Bound)) throw new TimeoutException("The spec never released the write.");
        };
        var recorder = await StartHookedAsync(path, Buffering, write: hold);
        Watch(recorder);
        recorder.Tell(new Record(Direction.Out, Frame.Text("held")));
        var flushing = FlushAsync(recorder);
        Assert.True(await entered.WaitAsync(Bound), "the write never started");

        // The recorder is inside its write: it cannot stop within 100 ms. Akka's GracefulStop faults; StopAsync says it as a timeout.
        var error = await Assert.ThrowsAsync<TimeoutException>(() => Recorder.StopAsync(recorder, TimeSpan.FromMilliseconds(100)));
        Assert.Contains(recorder.Path.ToString(), error.Message, StringComparison.Ordinal);

        // Its stop request stays queued behind the Flush: once the write ends, the recorder answers and stops.
        release.Set();
        await flushing;
        ExpectTerminated(recorder);
        Assert.Equal(["held"], JsonLines(path).Select(Text));
    }

    [Fact]
    public async Task Ignores_unknown_messages_and_publishes_them_as_unhandled()
    {
        var recorder = await StartAsync(Dir.File());
        var unhandled = CreateTestProbe();
        Sys.EventStream.Subscribe(unhandled.Ref, typeof(UnhandledMessage));

        recorder.Tell("some unexpected message");
        recorder.Tell(42);

        Assert.Equal("some unexpected message", unhandled.ExpectMsg<UnhandledMessage>(m => m.Recipient.Equals(recorder)).Message);
        Assert.Equal(42, unhandled.ExpectMsg<UnhandledMessage>(m => m.Recipient.Equals(recorder)).Message);
        Assert.Equal(new RecorderStats(0, 0, 0, 0, 0, 0, 0), await StatsAsync(recorder));
        await StopAsync(recorder);
    }

    [Fact]
    public async Task Flushes_and_stops_when_its_owner_exits_abnormally()
    {
        var path = Dir.File();
        var owner = Sys.ActorOf(Props.Create(() => new Session()), "session");
        var recorder = await StartAsync(path, Buffering with { Owner = owner });
        Watch(recorder);

        recorder.Tell(new Record(Direction.In, Frame.Text("before the crash")));
        owner.Tell(Kill.Instance);

        Assert.Equal(recorder, ExpectTerminated(recorder).ActorRef);
        Assert.Equal(["before the crash"], JsonLines(path).Select(Text));
    }

    [Fact]
    public async Task Flushes_and_stops_when_its_owner_stops_normally()
    {
        var path = Dir.File();
        var owner = Sys.ActorOf(Props.Create(() => new Session()));
        var recorder = await StartAsync(path, Buffering with { Owner = owner });
        Watch(recorder);

        recorder.Tell(new Record(Direction.Out, Frame.Text("last words")));
        owner.Tell(PoisonPill.Instance);

        ExpectTerminated(recorder);
        Assert.Equal(["last words"], JsonLines(path).Select(Text));
    }

    [Fact]
    public async Task Flushes_when_its_supervisor_is_stopped_by_Akka()
    {
        var path = Dir.File();
        var recorder = await StartAsync(path, Buffering);
        Watch(recorder);

        // Akka's stop of the supervisor stops its children by system messages, ahead of what is queued:
        // the records still in the mailbox then are written in PostStop with the rest.
        for (var i = 0; i < 100; i++) recorder.Tell(new Record(Direction.Out, Frame.Text($"pending at shutdown {i}")));
        Sys.Stop(await RootSupervisor.Get(Sys).RecordersAsync().WaitAsync(Bound));

        ExpectTerminated(recorder);
        Assert.Equal(Enumerable.Range(0, 100).Select(i => $"pending at shutdown {i}"), JsonLines(path).Select(Text));
        await RecordingGoesOnAsync();
    }

    [Fact]
    public async Task Flushes_when_its_supervisor_shuts_down_in_order()
    {
        var path = Dir.File();
        var recorder = await StartAsync(path, Buffering);
        Watch(recorder);

        // The supervisor's own shutdown (OTP order) reaches the recorder after the records already queued.
        for (var i = 0; i < 100; i++) recorder.Tell(new Record(Direction.Out, Frame.Text($"pending at shutdown {i}")));
        await Supervisor.StopAsync(await RootSupervisor.Get(Sys).RecordersAsync().WaitAsync(Bound)).WaitAsync(Bound);

        ExpectTerminated(recorder);
        Assert.Equal(Enumerable.Range(0, 100).Select(i => $"pending at shutdown {i}"), JsonLines(path).Select(Text));
        await RecordingGoesOnAsync();
    }

    [Fact]
    public async Task A_forced_stop_while_records_wait_behind_a_stuck_write_loses_none_of_them()
    {
        if (!OperatingSystem.IsLinux()) return;
        await using var fifo = Fifo.Create(Dir.File("stuck.jsonl"));
        var recorder = await StartAsync(fifo.Path, Buffering);
        Watch(recorder);

        // A line over 1 MiB is written at once: 5.6 MB into a 64 KB pipe nobody drains, so the recorder is stuck in write().
        recorder.Tell(new Record(Direction.In, Frame.Binary(new byte[4 * 1024 * 1024])));
        await fifo.ReadAtLeastAsync(1);
        for (var i = 0; i < 1_000; i++) recorder.Tell(new Record(Direction.Out, Frame.Text($"queued {i}")));
        var flushed = FlushAsync(recorder);
        var stats = StatsAsync(recorder);

        // Akka's stop is a system message: it overtakes the 1 000 queued records, which Akka would pass to dead letters.
        Sys.Stop(recorder);
        var content = await fifo.ReadToEndAsync();
        ExpectTerminated(recorder);

        var lines = content.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4 * 1024 * 1024, RecordingFormat.ParseEntry(lines[0]).Frame.Payload.Length);
        Assert.Equal(Enumerable.Range(0, 1_000).Select(i => $"queued {i}"), lines.Skip(1).Select(l => RecordingFormat.ParseEntry(l).Data));
        // The Flush and GetStats found in the mailbox are answered once all of it is written.
        Assert.Same(Flushed.Instance, await flushed);
        Assert.Equal((1_001L, 0L), ((await stats).Entries, (await stats).Pending));
    }

    [Fact]
    public async Task A_Flush_found_in_the_mailbox_at_a_forced_stop_learns_when_the_last_write_fails()
    {
        var entered = new SemaphoreSlim(0);
        var gate = new ManualResetEventSlim();
        var writes = 0;
        WriteHook holdThenFail = (_, _) =>
        {
            if (Interlocked.Increment(ref writes) > 1) throw new IOException("No space left on device (the spec's full disk)");
            entered.Release();
            gate.Wait(Bound);
        };
        var recorder = await StartHookedAsync(Dir.File(), Buffering, holdThenFail);
        Watch(recorder);
        recorder.Tell(new Record(Direction.Out, Frame.Text("written")));
        var first = FlushAsync(recorder);
        Assert.True(await entered.WaitAsync(Bound));   // the recorder is inside its first write
        recorder.Tell(new Record(Direction.Out, Frame.Text("lost to the full disk")));
        var second = FlushAsync(recorder);              // waits in the mailbox
        Sys.Stop(recorder);
        gate.Set();

        Assert.Same(Flushed.Instance, await first);
        // PostStop writes what it found in the mailbox; that write fails, and the Flush waiting there is told why.
        var error = await Assert.ThrowsAsync<RecorderWriteException>(() => second);
        Assert.Contains("No space left on device", error.Message, StringComparison.Ordinal);
        ExpectTerminated(recorder);
    }

    [Fact]
    public async Task Flushes_when_the_actor_system_terminates()
    {
        var paths = Enumerable.Range(0, 3).Select(i => Dir.File($"s{i}.jsonl")).ToList();
        var recorders = new List<IActorRef>();
        foreach (var path in paths) recorders.Add(await StartAsync(path, Buffering));

        foreach (var recorder in recorders) recorder.Tell(new Record(Direction.In, Frame.Text("in flight")));
        await Sys.Terminate().WaitAsync(Bound);

        Assert.All(paths, path => Assert.Equal(["in flight"], JsonLines(path).Select(Text)));
    }

    [Fact]
    public async Task StopAsync_of_a_stopped_recorder_returns_at_once()
    {
        var recorder = await StartAsync(Dir.File());
        await StopAsync(recorder);
        await StopAsync(recorder);
    }

    /// <summary>The root starts a fresh recorders supervisor (it is permanent): a new recording can start once it runs.</summary>
    private async Task RecordingGoesOnAsync()
    {
        var next = Dir.File("next.jsonl");
        await AwaitAssertAsync(async () =>
        {
            var recorder = await StartAsync(next);
            recorder.Tell(new Record(Direction.Out, Frame.Text("next session")));
            await StopAsync(recorder);
        }, Bound, TimeSpan.FromMilliseconds(50));
        Assert.Equal(["next session"], JsonLines(next).Select(Text));
    }

    private sealed class Session : ActorBase
    {
        protected override bool Receive(object message) => true;
    }
}
