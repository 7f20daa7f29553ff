using ActorRecorder.Server.Cli;
using ActorRecorder.Server.Tests.Support;
using ActorRecorder.Testing;
using Xunit;

namespace ActorRecorder.Server.Tests.Usage;

/// <summary>Bad usage exits with 2 and a message on stderr naming the option, value or path; stdout stays empty.</summary>
public sealed class UsageSpec : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly string _file;

    public UsageSpec() => _file = RecordingFiles.Write(_directory, "s.jsonl", [RecordingFiles.Out("hello")]);

    public static TheoryData<string[], string> BadCommandLines() => new()
    {
        { ["inspect", "{file}", "--bogus"], "--bogus" },
        { ["inspect", "{missing}"], "{missing}" },
        { ["inspect", "{dir}"], "{dir}" },
        { ["inspect"], "file.jsonl" },
        { ["nonsense"], "nonsense" },
        { ["replay", "{file}"], "--url" },
        { ["replay", "{file}", "--url", "http://127.0.0.1:1/ws"], "http://127.0.0.1:1/ws" },
        { ["replay", "{file}", "--url", "ws://127.0.0.1:1/ws", "--ignore", "$["], "$[" },
        { ["replay", "{file}", "--url", "ws://127.0.0.1:1/ws", "--timeout", "0"], "--timeout" },
        { ["replay", "{file}", "--url", "ws://127.0.0.1:1/ws", "--timeout", "soon"], "soon" },
        { ["replay", "{file}", "--url", "ws://127.0.0.1:1/ws", "--recorded-by", "proxy"], "proxy" },
        { ["export", "{file}"], "--har" },
        { ["export", "{file}", "--har", "--redact", "(unclosed"], "(unclosed" },
        { ["export", "{file}", "--har", "--url", "not a url"], "not a url" },
        { ["export", "{file}", "--har", "-o", "{dir}/no/such/dir/out.har"], "{dir}/no/such/dir/out.har" },
        { ["export", "{file}", "--har", "-o", "{file}"], "{file}" },
    };

    [Theory]
    [MemberData(nameof(BadCommandLines))]
    public async Task Bad_usage_exits_with_2_naming_what_is_wrong(string[] args, string named)
    {
        var run = await CliRunner.RunAsync(args.Select(Fill).ToArray());

        Assert.True(run.ExitCode == ExitCodes.Usage, run.ToString());
        Assert.Contains(Fill(named), run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.Out);
    }

    [Fact]
    public async Task The_help_lists_every_command_with_the_exit_codes()
    {
        var run = await CliRunner.RunAsync("--help");

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        foreach (var expected in new[] { "inspect <file.jsonl>", "replay <file.jsonl>", "export <file.jsonl>", "serve", "Exit codes:" })
            Assert.Contains(expected, run.Out, StringComparison.Ordinal);
        Assert.Matches(@"\n\s+2\s+bad usage", run.Out.ReplaceLineEndings("\n"));
    }

    [Theory]
    [InlineData(new string[0], new[] { "serve" })]
    [InlineData(new[] { "--port", "0" }, new[] { "serve", "--port", "0" })]
    [InlineData(new[] { "--config=x.conf" }, new[] { "serve", "--config=x.conf" })]
    [InlineData(new[] { "inspect", "f.jsonl" }, new[] { "inspect", "f.jsonl" })]
    [InlineData(new[] { "--help" }, new[] { "--help" })]
    public void No_command_or_a_serve_option_first_is_serve(string[] args, string[] expected) =>
        Assert.Equal(expected, Program.WithDefaultCommand(args));

    [Fact]
    public async Task An_unknown_command_prints_the_help_and_exits_with_2()
    {
        var run = await CliRunner.RunAsync("no-such-command");

        Assert.True(run.ExitCode == ExitCodes.Usage, run.ToString());
        Assert.Contains("no-such-command", run.Error, StringComparison.Ordinal);
        Assert.Contains("Exit codes:", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("inspect")]
    [InlineData("replay")]
    [InlineData("export")]
    public async Task Each_commands_help_lists_its_options_and_the_exit_codes(string command)
    {
        var run = await CliRunner.RunAsync(command, "--help");

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        Assert.Contains($"actor-recorder {command} <file.jsonl> [options]", run.Out, StringComparison.Ordinal);
        Assert.Matches(@"Exit codes:\n\s+0\s+success.*\n\s+1\s+replay found a difference\n\s+2\s+bad usage", run.Out.ReplaceLineEndings("\n"));
        if (command != "inspect") Assert.Contains("--recorded-by <server|client>", run.Out, StringComparison.Ordinal);
    }

    public void Dispose() => _directory.Dispose();

    private string Fill(string text) => text
        .Replace("{file}", _file, StringComparison.Ordinal)
        .Replace("{missing}", _directory.File("missing.jsonl"), StringComparison.Ordinal)
        .Replace("{dir}", _directory.Path, StringComparison.Ordinal);
}
