using ActorRecorder.Recording;
using ActorRecorder.Server.Cli;
using ActorRecorder.Server.Tests.Support;
using Newtonsoft.Json.Linq;
using Xunit;
using Xunit.Abstractions;
using static ActorRecorder.Server.Tests.Support.RecordingFiles;

namespace ActorRecorder.Server.Tests.Har;

/// <summary><c>export --har</c>: HAR 1.2 with the session's messages in Chrome's <c>_webSocketMessages</c> form.</summary>
public sealed class ExportSpec(ITestOutputHelper output) : ServerSpec(output)
{
    [Fact]
    public async Task A_recorded_session_exports_as_one_har_entry_with_chromes_websocket_messages()
    {
        var (_, file) = await RecordEchoSessionAsync();
        var entries = await ReadAsync(file);

        var run = await CliRunner.RunAsync("export", file, "--har");

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        Assert.Equal("", run.Error);
        var log = (JObject)Json.Parse(run.Out)["log"]!;
        Assert.Equal("1.2", (string?)log["version"]);
        Assert.Equal("actor-recorder", (string?)log["creator"]!["name"]);
        Assert.False(string.IsNullOrEmpty((string?)log["creator"]!["version"]));
        var entry = (JObject)Assert.Single((JArray)log["entries"]!);
        Assert.Equal(entries[0].Timestamp.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture), (string?)entry["startedDateTime"]);
        Assert.Equal(JTokenType.Integer, entry["time"]!.Type);
        Json.Equal("""{"method":"GET","url":"ws://unknown/","httpVersion":"HTTP/1.1","cookies":[],"headers":[],"queryString":[],"headersSize":-1,"bodySize":0}""", entry["request"]);
        Assert.Equal(101, (int)entry["response"]!["status"]!);
        foreach (var field in new[] { "statusText", "httpVersion", "cookies", "headers", "content", "redirectURL", "headersSize", "bodySize" })
            Assert.NotNull(entry["response"]![field]);
        Json.Equal("{}", entry["cache"]);
        Json.Equal("""{"send":0,"wait":0,"receive":0}""", entry["timings"]);

        // 11 entries less the 2 closes; the server's recording: "in" (from the browser) is "send", "out" is "receive".
        var messages = ((JArray)entry["_webSocketMessages"]!).Cast<JObject>().ToArray();
        Assert.Equal(9, messages.Length);
        Assert.All(messages, m => Assert.Equal(["type", "time", "opcode", "data"], m.Properties().Select(p => p.Name)));
        Assert.Equal(["receive", "send", "receive", "send", "receive", "send", "receive", "send", "receive"], messages.Select(m => (string)m["type"]!));
        Assert.Equal([1, 1, 1, 1, 1, 1, 1, 2, 2], messages.Select(m => (int)m["opcode"]!));
        Assert.Equal(["hello", "one", "one"], messages.Take(3).Select(m => (string)m["data"]!));
        Assert.Equal("AAEC/w==", (string?)messages[7]["data"]);
        Assert.All(messages, m => Assert.Equal(JTokenType.Float, m["time"]!.Type));
        var epoch = (entries[1].Timestamp - DateTime.UnixEpoch).TotalSeconds;
        Assert.Equal(epoch, (double)messages[1]["time"]!, precision: 5);
    }

    [Fact]
    public async Task Output_goes_to_the_file_given_with_o_and_nothing_to_stdout()
    {
        var (_, file) = await RecordEchoSessionAsync();
        var har = Directory.File("session.har");

        var run = await CliRunner.RunAsync("export", file, "--har", "-o", har);

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        Assert.Equal("", run.Out);
        Assert.Equal("1.2", (string?)Json.Parse(await File.ReadAllTextAsync(har))["log"]!["version"]);
        Assert.Equal([har], System.IO.Directory.GetFiles(Directory.Path, "*.har*"));
    }

    [Fact]
    public async Task Redact_masks_what_matches_in_text_messages_and_the_url()
    {
        var file = Write(Directory, "secret.jsonl",
            [Out("welcome"), In("""{"password":"hunter2","user":"ann"}"""), Out("token=abc123 accepted"), (Direction.In, Frame.Binary(new byte[] { 1, 2, 3 }))]);

        var run = await CliRunner.RunAsync("export", file, "--har", "--url", "wss://example.test/ws?token=abc123&room=1",
            "--redact", "hunter2", "--redact", @"abc\d+");

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        Assert.DoesNotContain("hunter2", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("abc123", run.Out, StringComparison.Ordinal);
        var entry = Json.Parse(run.Out)["log"]!["entries"]![0]!;
        Assert.Equal("wss://example.test/ws?token=***&room=1", (string?)entry["request"]!["url"]);
        Json.Equal("""[{"name":"token","value":"***"},{"name":"room","value":"1"}]""", entry["request"]!["queryString"]);
        var data = entry["_webSocketMessages"]!.Select(m => (string)m["data"]!).ToArray();
        Assert.Equal(["welcome", """{"password":"***","user":"ann"}""", "token=*** accepted", "AQID"], data);
    }

    [Fact]
    public async Task A_client_side_recording_exports_its_out_frames_as_send()
    {
        var file = Write(Directory, "client.jsonl", [In("hello"), Out("ping"), In("ping")]);

        var run = await CliRunner.RunAsync("export", file, "--har", "--recorded-by", "client");

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        var types = Json.Parse(run.Out)["log"]!["entries"]![0]!["_webSocketMessages"]!.Select(m => (string)m["type"]!);
        Assert.Equal(["receive", "send", "receive"], types);
    }

    [Fact]
    public async Task Malformed_lines_are_skipped_with_a_warning_and_the_har_is_still_whole()
    {
        var file = Directory.WriteLines("broken.jsonl",
            RecordingFormat.FormatEntry(Direction.Out, Frame.Text("hello"), Start),
            "]]",
            RecordingFormat.FormatEntry(Direction.In, Frame.Text("a"), Start.AddSeconds(1)));

        var run = await CliRunner.RunAsync("export", file, "--har");

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        Assert.Contains($"warning: skipped 1 malformed line of '{file}': line 2", run.Error, StringComparison.Ordinal);
        Assert.Equal(2, Json.Parse(run.Out)["log"]!["entries"]![0]!["_webSocketMessages"]!.Count());
    }
}
