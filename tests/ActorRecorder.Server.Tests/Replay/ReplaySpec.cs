using System.Diagnostics;
using ActorRecorder.Http;
using ActorRecorder.Recording;
using ActorRecorder.Server.Cli;
using ActorRecorder.Server.Tests.Support;
using Xunit;
using Xunit.Abstractions;
using static ActorRecorder.Server.Tests.Support.RecordingFiles;

namespace ActorRecorder.Server.Tests.Replay;

/// <summary><c>replay</c> of recorded sessions against live listeners on loopback.</summary>
public sealed class ReplaySpec(ITestOutputHelper output) : ServerSpec(output)
{
    [Fact]
    public async Task A_session_replayed_to_the_same_echo_server_has_no_difference()
    {
        var (listener, file) = await RecordEchoSessionAsync();

        var run = await CliRunner.RunAsync("replay", file, "--url", Url(listener));

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        Assert.Contains("sent 4 of 4 frames, expected 5 answers, received 5", run.Out, StringComparison.Ordinal);
        Assert.Contains("No differences: all 5 answers match.", run.Out, StringComparison.Ordinal);
        Assert.Equal("", run.Error);
    }

    [Fact]
    public async Task A_server_that_answers_differently_fails_the_replay_naming_each_frame_expected_and_actual()
    {
        var (_, file) = await RecordEchoSessionAsync();
        var shouting = await StartAsync<ShoutingHandler>("shouting");

        var run = await CliRunner.RunAsync("replay", file, "--url", Url(shouting));

        Assert.True(run.ExitCode == ExitCodes.Difference, run.ToString());
        // Answer 1 is the greeting (frame 1), the same; answers 2 to 4 are the texts, upper-cased; answer 5 is binary, echoed as it was.
        Assert.Contains("Answer 2 (frame 3, line 3) differs:\n  expected: text \"one\"\n  actual:   text \"ONE\"\n  first difference at character 1",
            run.Out.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("Answer 3 (frame 5, line 5) differs:\n  expected: text \"two\"\n  actual:   text \"TWO\"", run.Out.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("Answer 4 (frame 7, line 7) differs:", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("Answer 1 ", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("Answer 5 ", run.Out, StringComparison.Ordinal);
        Assert.Contains("3 of 5 answers differ.", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ignore_removes_json_paths_that_differ_by_nature_before_comparing()
    {
        var stamping = await StartAsync<StampingHandler>("stamping", record: true);
        var file = await RecordSessionAsync(stamping, [Frame.Text("one"), Frame.Text("two")], greets: false);

        var strict = await CliRunner.RunAsync("replay", file, "--url", Url(stamping));
        var ignoring = await CliRunner.RunAsync("replay", file, "--url", Url(stamping), "--ignore", "$.at");
        var ignoringTooLittle = await CliRunner.RunAsync("replay", file, "--url", Url(stamping), "--ignore", "$.meta.server");
        var ignoringBoth = await CliRunner.RunAsync("replay", file, "--url", Url(stamping), "--ignore", "$..server", "--ignore", "$.at");

        Assert.True(strict.ExitCode == ExitCodes.Difference, strict.ToString());
        Assert.Contains("Answer 1 (frame 2, line 2) differs", strict.Out, StringComparison.Ordinal);
        Assert.True(ignoring.ExitCode == ExitCodes.Success, ignoring.ToString());
        Assert.Contains("No differences: all 2 answers match.", ignoring.Out, StringComparison.Ordinal);
        Assert.True(ignoringTooLittle.ExitCode == ExitCodes.Difference, ignoringTooLittle.ToString());
        Assert.True(ignoringBoth.ExitCode == ExitCodes.Success, ignoringBoth.ToString());
    }

    [Fact]
    public async Task A_client_side_recording_is_replayed_with_recorded_by_client_and_not_by_default()
    {
        var (listener, _) = await RecordEchoSessionAsync();
        // As ZenWebsocket records on the client: "in" is what the server sent, "out" what the client sent.
        var file = Write(Directory, "client.jsonl", [In("hello"), Out("ping"), In("ping"), Out("pong"), In("pong")]);

        var asClient = await CliRunner.RunAsync("replay", file, "--url", Url(listener), "--recorded-by", "client");
        var asServer = await CliRunner.RunAsync("replay", file, "--url", Url(listener));

        Assert.True(asClient.ExitCode == ExitCodes.Success, asClient.ToString());
        Assert.Contains("(recorded by the client): sent 2 of 2 frames, expected 3 answers, received 3", asClient.Out, StringComparison.Ordinal);
        // Read as a server's recording, the server's own answers would be sent: "hello", "ping", "pong" go out, "ping" and "pong" are expected.
        Assert.True(asServer.ExitCode == ExitCodes.Difference, asServer.ToString());
        Assert.Contains("(recorded by the server): sent 3 of 3 frames, expected 2 answers", asServer.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_side_recording_read_as_a_client_one_sends_the_server_frames()
    {
        var (listener, file) = await RecordEchoSessionAsync();

        var run = await CliRunner.RunAsync("replay", file, "--url", Url(listener), "--recorded-by", "client", "--timeout", "1");

        // The 5 "out" frames go to the echo server, and only 4 "in" answers are expected: the echoes differ from them.
        Assert.True(run.ExitCode == ExitCodes.Difference, run.ToString());
        Assert.Contains("sent 5 of 5 frames, expected 4 answers", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Realtime_keeps_the_recorded_gaps()
    {
        var (listener, _) = await RecordEchoSessionAsync();
        var file = Write(Directory, "slow.jsonl", [Out("hello"), In("a"), Out("a"), In("b"), Out("b")], gap: TimeSpan.FromMilliseconds(50));

        var clock = Stopwatch.StartNew();
        var run = await CliRunner.RunAsync("replay", file, "--url", Url(listener), "--realtime");
        var elapsed = clock.Elapsed;

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        // "b" is sent 150 ms after the first entry; a timer may fire a little early, never much.
        Assert.True(elapsed >= TimeSpan.FromMilliseconds(140), $"The replay took {elapsed.TotalMilliseconds} ms.");
    }

    [Fact]
    public async Task An_answer_that_never_comes_is_missing_after_the_timeout()
    {
        var (listener, _) = await RecordEchoSessionAsync();
        var file = Write(Directory, "missing.jsonl", [Out("hello"), In("a"), Out("a"), Out("the echo server never says this")]);

        var run = await CliRunner.RunAsync("replay", file, "--url", Url(listener), "--timeout", "1");

        Assert.True(run.ExitCode == ExitCodes.Difference, run.ToString());
        Assert.Contains("Answer 3 (frame 4, line 4) is missing:\n  expected: text \"the echo server never says this\"\n  actual:   nothing (no answer within 1 s)",
            run.Out.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("1 of 3 answers differ.", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Answers_are_compared_by_position_so_an_unrecorded_greeting_shifts_them()
    {
        var (listener, _) = await RecordEchoSessionAsync();
        var file = Write(Directory, "no-greeting.jsonl", [In("a"), Out("a")]);

        var run = await CliRunner.RunAsync("replay", file, "--url", Url(listener));

        Assert.True(run.ExitCode == ExitCodes.Difference, run.ToString());
        Assert.Contains("Answer 1 (frame 2, line 2) differs:\n  expected: text \"a\"\n  actual:   text \"hello\"",
            run.Out.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Malformed_lines_are_skipped_with_a_warning_naming_them()
    {
        var (listener, _) = await RecordEchoSessionAsync();
        var file = Directory.WriteLines("broken.jsonl",
            RecordingFormat.FormatEntry(Direction.Out, Frame.Text("hello"), Start),
            "{oops",
            RecordingFormat.FormatEntry(Direction.In, Frame.Text("a"), Start),
            """{"ts":"2026-01-20T15:30:47Z","dir":"in","type":"shout","data":"x"}""",
            RecordingFormat.FormatEntry(Direction.Out, Frame.Text("a"), Start));

        var run = await CliRunner.RunAsync("replay", file, "--url", Url(listener));

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        Assert.Contains($"warning: skipped 2 malformed lines of '{file}': lines 2, 4", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_that_closes_early_stops_the_sending_and_fails_the_replay()
    {
        var closing = await StartAsync<ClosingHandler>("closing");
        // Long gaps: the server's close comes while the replay waits for the second frame, and cuts the wait short.
        var file = Write(Directory, "three.jsonl", [In("a"), Out("a"), In("b"), Out("b"), In("c"), Out("c")], gap: TimeSpan.FromSeconds(5));

        var clock = Stopwatch.StartNew();
        var run = await CliRunner.RunAsync("replay", file, "--url", Url(closing), "--realtime", "--timeout", "1");

        Assert.True(run.ExitCode == ExitCodes.Difference, run.ToString());
        Assert.True(run.Out.Contains("Sending stopped after frame 1 of 3: the server closed the connection (4001 enough).", StringComparison.Ordinal), run.ToString());
        Assert.Contains("Answer 2 (frame 4, line 4) is missing", run.Out, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"The replay took {clock.Elapsed}.");
    }

    [Fact]
    public async Task A_cancelled_replay_stops_at_once_with_130()
    {
        var (listener, _) = await RecordEchoSessionAsync();
        var file = Write(Directory, "long.jsonl", [In("a"), Out("a"), In("b"), Out("b")], gap: TimeSpan.FromMinutes(1));
        using var ctrlC = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        var run = await CliRunner.RunAsync(["replay", file, "--url", Url(listener), "--realtime"], ctrlC.Token);

        Assert.True(run.ExitCode == ExitCodes.Cancelled, run.ToString());
        Assert.Contains("cancelled", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_that_cannot_be_reached_fails_with_3_naming_the_url()
    {
        var (_, file) = await RecordEchoSessionAsync();
        var gone = await StartAsync<EchoHandler>("gone");
        Assert.True(await Listeners.Get(Sys).StopAsync("gone"));

        var run = await CliRunner.RunAsync("replay", file, "--url", Url(gone), "--timeout", "2");

        Assert.True(run.ExitCode == ExitCodes.Failure, run.ToString());
        Assert.Contains($"cannot connect to {Url(gone)}", run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.Out);
    }
}
