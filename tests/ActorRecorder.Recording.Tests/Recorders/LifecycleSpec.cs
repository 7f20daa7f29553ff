namespace ActorRecorder.Recording.Tests.Recorders;

using ActorRecorder.Actors;
using ActorRecorder.Recording.Tests.Support;
using Xunit;
using Record = ActorRecorder.Recording.Record;
using Xunit.Abstractions;

/// <summary>Nothing that reached a recorder is lost, whoever stops it: StopAsync, its owner, its supervisor or the system.</summary>
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
    public async Task Ignores_unknown_messages()
    {
        var recorder = await StartAsync(Dir.File());

        recorder.Tell("some unexpected message");
        recorder.Tell(42);

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
    public async Task Flushes_when_its_supervisor_shuts_down()
    {
        var path = Dir.File();
        var recorder = await StartAsync(path, Buffering);
        Watch(recorder);

        recorder.Tell(new Record(Direction.Out, Frame.Text("pending at shutdown")));
        await FlushOrderingBarrier(recorder);
        Sys.Stop(await RecorderHost.SupervisorAsync(Sys));

        ExpectTerminated(recorder);
        Assert.Equal(["pending at shutdown"], JsonLines(path).Select(Text));

        // Recording goes on under a new supervisor.
        var next = await StartAsync(Dir.File("next.jsonl"));
        await StopAsync(next);
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

    // A stop of the supervisor is a system message, processed before queued records: make sure the
    // record has reached the recorder's buffer, as the spec is about what "reached the recorder".
    private static async Task FlushOrderingBarrier(IActorRef recorder) => Assert.Equal(1, (await StatsAsync(recorder)).Pending);

    private sealed class Session : ActorBase
    {
        protected override bool Receive(object message) => true;
    }
}
