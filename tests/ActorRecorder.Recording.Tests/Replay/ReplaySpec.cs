namespace ActorRecorder.Recording.Tests.Replay;

using ActorRecorder.Recording.Tests.Support;
using ActorRecorder.Testing;
using Akka.Actor;
using Xunit;
using Xunit.Abstractions;

/// <summary>ZenWebsocket's replay specs; realtime pacing is checked on a manual clock instead of a stopwatch.</summary>
public sealed class ReplaySpec(ITestOutputHelper output) : RecorderSpec(output)
{
    [Fact]
    public async Task Replays_entries_to_the_handler_in_order()
    {
        var path = Dir.WriteLines("replay.jsonl",
            """{"ts":"2026-01-20T15:30:45.000000Z","dir":"out","type":"text","data":"hello"}""",
            """{"ts":"2026-01-20T15:30:46.000000Z","dir":"in","type":"text","data":"world"}""");

        var result = await RecordingReplay.ReplayAsync(path, e => TestActor.Tell((e.Direction, e.Data), ActorRefs.NoSender)).WaitAsync(TimeSpan.FromSeconds(30));

        ExpectMsg((Direction.Out, "hello"));
        ExpectMsg((Direction.In, "world"));
        Assert.Equal(new ReplayResult(2, 0), result);
    }

    [Fact]
    public async Task Skips_empty_lines()
    {
        var path = Dir.WriteLines("replay.jsonl",
            """{"ts":"2026-01-20T15:30:45.000000Z","dir":"out","type":"text","data":"one"}""",
            string.Empty,
            """{"ts":"2026-01-20T15:30:46.000000Z","dir":"in","type":"text","data":"two"}""",
            string.Empty);

        var result = await RecordingReplay.ReplayAsync(path, e => TestActor.Tell(e.Data, ActorRefs.NoSender)).WaitAsync(TimeSpan.FromSeconds(30));

        ExpectMsg("one");
        ExpectMsg("two");
        Assert.Equal(new ReplayResult(2, 0), result);
    }

    [Fact]
    public async Task Fails_for_a_missing_file()
    {
        await Assert.ThrowsAsync<DirectoryNotFoundException>(() => RecordingReplay.ReplayAsync("/nonexistent/file.jsonl", _ => { }));
    }

    [Fact]
    public async Task Skips_malformed_lines_instead_of_aborting_the_replay()
    {
        var path = Dir.WriteLines("replay.jsonl",
            """{"ts":"2026-01-20T15:30:45.000000Z","dir":"out","type":"text","data":"good-one"}""",
            "this is not json at all",
            """{"ts":"2026-01-20T15:30:46.000000Z","dir":"in","type":"text","data":"good-two"}""");

        var result = await RecordingReplay.ReplayAsync(path, e => TestActor.Tell(e.Data, ActorRefs.NoSender)).WaitAsync(TimeSpan.FromSeconds(30));

        ExpectMsg("good-one");
        ExpectMsg("good-two");
        Assert.Equal(new ReplayResult(2, 1), result);
    }

    [Fact]
    public async Task A_strict_replay_stops_at_a_malformed_line_naming_it()
    {
        var path = Dir.WriteLines("replay.jsonl",
            """{"ts":"2026-01-20T15:30:45.000000Z","dir":"out","type":"text","data":"one"}""",
            "{broken");

        var error = await Assert.ThrowsAsync<RecordingFormatException>(() =>
            RecordingReplay.ReplayAsync(path, e => TestActor.Tell(e.Data, ActorRefs.NoSender), ReplayOptions.Default with { SkipMalformed = false }));

        ExpectMsg("one");
        Assert.Equal(2, error.LineNumber);
    }

    [Fact]
    public async Task Realtime_replay_waits_the_gaps_between_timestamps()
    {
        var path = Dir.WriteLines("replay.jsonl",
            """{"ts":"2026-01-20T15:30:45.000000Z","dir":"out","type":"text","data":"first"}""",
            """{"ts":"2026-01-20T15:30:45.050000Z","dir":"out","type":"text","data":"second"}""",
            """{"ts":"2026-01-20T15:30:45.040000Z","dir":"in","type":"text","data":"earlier"}""",
            """{"ts":"2026-01-20T15:30:45.140000Z","dir":"in","type":"text","data":"last"}""");
        var clock = new ManualTimeProvider();

        var replay = RecordingReplay.ReplayAsync(path, e => TestActor.Tell(e.Data, ActorRefs.NoSender),
            new ReplayOptions { Realtime = true, TimeProvider = clock });

        ExpectMsg("first");
        AwaitCondition(() => clock.PendingDelays.Count == 1);
        Assert.Equal(TimeSpan.FromMilliseconds(50), clock.PendingDelays[0]);

        clock.Advance(TimeSpan.FromMilliseconds(49));
        Assert.Equal(TimeSpan.FromMilliseconds(1), Assert.Single(clock.PendingDelays));
        Assert.False(replay.IsCompleted);

        clock.Advance(TimeSpan.FromMilliseconds(1));
        ExpectMsg("second");
        // Its timestamp goes back: no wait.
        ExpectMsg("earlier");
        AwaitCondition(() => clock.PendingDelays.Count == 1);
        Assert.Equal(TimeSpan.FromMilliseconds(100), clock.PendingDelays[0]);

        clock.Advance(TimeSpan.FromMilliseconds(100));
        ExpectMsg("last");
        Assert.Equal(new ReplayResult(4, 0), await replay.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task Realtime_replay_at_speed_two_halves_the_gaps()
    {
        var path = Dir.WriteLines("replay.jsonl",
            """{"ts":"2026-01-20T15:30:45.000000Z","dir":"out","type":"text","data":"first"}""",
            """{"ts":"2026-01-20T15:30:46.000000Z","dir":"out","type":"text","data":"second"}""");
        var clock = new ManualTimeProvider();

        var replay = RecordingReplay.ReplayAsync(path, e => TestActor.Tell(e.Data, ActorRefs.NoSender),
            new ReplayOptions { Realtime = true, Speed = 2, TimeProvider = clock });

        ExpectMsg("first");
        AwaitCondition(() => clock.PendingDelays.Count == 1);
        Assert.Equal(TimeSpan.FromMilliseconds(500), clock.PendingDelays[0]);
        clock.Advance(TimeSpan.FromMilliseconds(500));
        ExpectMsg("second");
        await replay.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task Rejects_a_speed_that_is_not_positive()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            RecordingReplay.ReplayAsync(Dir.File(), _ => { }, new ReplayOptions { Realtime = true, Speed = 0 }));
        Assert.Contains("Speed = 0", error.Message, StringComparison.Ordinal);
    }
}
