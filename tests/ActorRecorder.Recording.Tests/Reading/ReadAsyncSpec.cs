namespace ActorRecorder.Recording.Tests.Reading;

using ActorRecorder.Testing;
using Xunit;

public sealed class ReadAsyncSpec : IDisposable
{
    private const string One = """{"ts":"2026-01-20T15:30:45.000000Z","dir":"out","type":"text","data":"one"}""";
    private const string Two = """{"ts":"2026-01-20T15:30:46.000000Z","dir":"in","type":"text","data":"two"}""";
    private const string Three = """{"ts":"2026-01-20T15:30:47.000000Z","dir":"in","type":"text","data":"three"}""";

    private readonly TempDirectory _dir = new();

    [Fact]
    public async Task Reports_a_malformed_line_with_its_line_number_and_path()
    {
        var path = _dir.WriteLines("bad.jsonl", One, Two, "this is not json", Three);

        var read = new List<RecordedEntry>();
        var error = await Assert.ThrowsAsync<RecordingFormatException>(async () =>
        {
            await foreach (var entry in RecordingReader.ReadAsync(path)) read.Add(entry);
        }).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(2, read.Count);
        Assert.Equal(3, error.LineNumber);
        Assert.Equal(path, error.Path);
        Assert.Equal(RecordingFormatError.InvalidJson, error.Error);
        Assert.Contains("line 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Skips_malformed_lines_and_reports_each_when_asked()
    {
        var path = _dir.WriteLines("bad.jsonl", One, "this is not json", Two,
            """{"ts":"2026-01-20T15:30:45Z","dir":"sideways","type":"text","data":"x"}""", Three);
        var skipped = new List<RecordingFormatException>();

        var entries = await Read(path, new ReadOptions { SkipMalformed = true, OnSkipped = skipped.Add });

        Assert.Equal(["one", "two", "three"], entries.Select(e => e.Data));
        Assert.Equal([1L, 3, 5], entries.Select(e => e.LineNumber));
        Assert.Equal([2L, 4], skipped.Select(s => s.LineNumber));
        Assert.Equal([RecordingFormatError.InvalidJson, RecordingFormatError.InvalidDirection], skipped.Select(s => s.Error));
    }

    [Fact]
    public async Task Skips_blank_lines_without_counting_them_as_malformed()
    {
        var path = _dir.WriteLines("blank.jsonl", string.Empty, One, "   ", string.Empty, Two);
        var skipped = 0;

        var entries = await Read(path, new ReadOptions { SkipMalformed = true, OnSkipped = _ => skipped++ });

        Assert.Equal([2L, 5], entries.Select(e => e.LineNumber));
        Assert.Equal(0, skipped);
    }

    [Fact]
    public async Task Reads_CRLF_lines_and_a_last_line_without_a_newline()
    {
        var path = _dir.File("crlf.jsonl");
        await File.WriteAllTextAsync(path, One + "\r\n" + Two + "\r\n" + Three);

        var entries = await Read(path, ReadOptions.Default);

        Assert.Equal(["one", "two", "three"], entries.Select(e => e.Data));
    }

    [Fact]
    public async Task Reports_a_half_written_last_line_as_malformed_not_as_a_crash()
    {
        var path = _dir.File("cut.jsonl");
        await File.WriteAllTextAsync(path, One + "\n" + Two[..30]);
        var skipped = new List<RecordingFormatException>();

        var entries = await Read(path, new ReadOptions { SkipMalformed = true, OnSkipped = skipped.Add });

        Assert.Single(entries);
        Assert.Equal(2, Assert.Single(skipped).LineNumber);
    }

    [Fact]
    public async Task Fails_for_a_missing_file()
    {
        await Assert.ThrowsAsync<FileNotFoundException>(() => Read(_dir.File("missing.jsonl"), ReadOptions.Default));
        await Assert.ThrowsAsync<DirectoryNotFoundException>(() => Read("/nonexistent/dir/file.jsonl", ReadOptions.Default));
    }

    public void Dispose() => _dir.Dispose();

    private static async Task<List<RecordedEntry>> Read(string path, ReadOptions options) =>
        await RecordingReader.ReadAsync(path, options).ToListAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));
}
