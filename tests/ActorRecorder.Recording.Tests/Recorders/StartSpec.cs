namespace ActorRecorder.Recording.Tests.Recorders;

using ActorRecorder.Recording.Tests.Support;
using Akka.Actor;
using Xunit;
using Xunit.Abstractions;
using Record = ActorRecorder.Recording.Record;

/// <summary>ZenWebsocket's start_link specs: the file is open when the start returns, or the start fails and leaves nothing.</summary>
public sealed class StartSpec(ITestOutputHelper output) : RecorderSpec(output)
{
    private readonly ITestOutputHelper _output = output;

    [Fact]
    public async Task Starts_a_recorder_with_a_valid_path_and_opens_the_file_before_returning()
    {
        var path = Dir.File();

        var recorder = await StartAsync(path);

        Assert.True(File.Exists(path));
        Assert.Equal(0, (await StatsAsync(recorder)).Entries);
        Assert.Contains(recorder, await Children());
        Assert.Equal("/user/root/recorders", recorder.Path.Parent.ToStringWithoutAddress());
        await StopAsync(recorder);
    }

    [Fact]
    public async Task Fails_for_a_missing_directory_and_leaves_no_actor_behind()
    {
        const string path = "/nonexistent/dir/file.jsonl";

        var error = await Assert.ThrowsAsync<RecorderStartException>(() => StartAsync(path));

        Assert.Equal(RecorderStartFailure.DirectoryNotFound, error.Reason);
        Assert.Equal(path, error.Path);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("enoent", error.Message, StringComparison.Ordinal);
        Assert.Empty(await Children());
    }

    [Fact]
    public async Task Fails_when_the_path_is_a_directory_and_leaves_no_actor_behind()
    {
        var error = await Assert.ThrowsAsync<RecorderStartException>(() => StartAsync(Dir.Path));

        Assert.Equal(RecorderStartFailure.IsADirectory, error.Reason);
        Assert.Contains("eisdir", error.Message, StringComparison.Ordinal);
        Assert.Empty(await Children());
    }

    [Fact]
    public async Task Fails_without_permission_and_leaves_no_actor_behind()
    {
        if (UnwritablePath() is not { } path)
        {
            _output.WriteLine("Every path is writable for this user (root without a read-only location); nothing to check.");
            return;
        }

        var error = await Assert.ThrowsAsync<RecorderStartException>(() => StartAsync(path));

        Assert.Equal(RecorderStartFailure.AccessDenied, error.Reason);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Empty(await Children());
    }

    [Fact]
    public async Task Fails_when_another_recorder_of_the_system_writes_the_same_file()
    {
        var path = Dir.File();
        var first = await StartAsync(path);

        var error = await Assert.ThrowsAsync<RecorderStartException>(() => StartAsync(path));
        Assert.Equal(RecorderStartFailure.AlreadyRecording, error.Reason);

        await StopAsync(first);
        var second = await StartAsync(path, RecorderOptions.Default with { FileMode = RecorderFileMode.Append });
        await StopAsync(second);
    }

    [Fact]
    public async Task Invalid_options_fail_the_start_naming_the_option_and_start_nothing()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => StartAsync(Dir.File(), new RecorderOptions { FlushEntries = 0 }));

        Assert.Contains("FlushEntries", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Dir.File()));
        Assert.Empty(await Children());
    }

    [Fact]
    public async Task Truncates_an_existing_file_by_default_and_appends_when_asked()
    {
        var path = Dir.WriteLines("existing.jsonl", RecordingFormat.FormatEntry(Direction.In, Frame.Text("old")));

        var appending = await StartAsync(path, new RecorderOptions { FileMode = RecorderFileMode.Append });
        appending.Tell(new Record(Direction.Out, Frame.Text("new")));
        await StopAsync(appending);
        Assert.Equal(["old", "new"], JsonLines(path).Select(Text));

        var truncating = await StartAsync(path);
        await StopAsync(truncating);
        Assert.Empty(JsonLines(path));
    }

    private Task<IReadOnlyList<IActorRef>> Children() => RecordersAsync();

    private string? UnwritablePath()
    {
        var readOnly = Path.Combine(Dir.Path, "read-only");
        Directory.CreateDirectory(readOnly);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(readOnly, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        foreach (var candidate in new[] { Path.Combine(readOnly, "session.jsonl"), "/sys/actor-recorder-permission-check.jsonl" })
        {
            try
            {
                using (File.Create(candidate))
                {
                }
                File.Delete(candidate);
            }
            catch (UnauthorizedAccessException)
            {
                return candidate;
            }
            catch (IOException)
            {
                // Not a permission problem on this machine; try the next one.
            }
        }
        return null;
    }
}
