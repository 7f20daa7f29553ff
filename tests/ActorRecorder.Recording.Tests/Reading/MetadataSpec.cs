namespace ActorRecorder.Recording.Tests.Reading;

using ActorRecorder.Testing;
using Xunit;

/// <summary>ZenWebsocket's metadata specs, and metadata by time rather than by file order.</summary>
public sealed class MetadataSpec : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public async Task Returns_counts_and_duration()
    {
        var path = _dir.WriteLines("meta.jsonl",
            """{"ts":"2026-01-20T15:30:45.000000Z","dir":"out","type":"text","data":"one"}""",
            """{"ts":"2026-01-20T15:30:46.000000Z","dir":"in","type":"text","data":"two"}""",
            """{"ts":"2026-01-20T15:30:47.000000Z","dir":"in","type":"text","data":"three"}""",
            """{"ts":"2026-01-20T15:30:50.000000Z","dir":"out","type":"text","data":"four"}""");

        var meta = await Metadata(path);

        Assert.Equal(4, meta.Count);
        Assert.Equal(2, meta.Inbound);
        Assert.Equal(2, meta.Outbound);
        Assert.Equal(TimeSpan.FromSeconds(5), meta.Duration);
        Assert.Equal(At(45), meta.FirstTimestamp);
        Assert.Equal(At(50), meta.LastTimestamp);
        Assert.Equal(0, meta.Skipped);
    }

    [Fact]
    public async Task Returns_zeros_for_an_empty_file()
    {
        var path = _dir.File("empty.jsonl");
        await File.WriteAllTextAsync(path, string.Empty);

        var meta = await Metadata(path);

        Assert.Equal(new RecordingMetadata(0, 0, 0, null, null, TimeSpan.Zero, 0), meta);
    }

    [Fact]
    public async Task Fails_for_a_missing_file()
    {
        await Assert.ThrowsAsync<DirectoryNotFoundException>(() => Metadata("/nonexistent/file.jsonl"));
        await Assert.ThrowsAsync<FileNotFoundException>(() => Metadata(_dir.File("missing.jsonl")));
    }

    [Fact]
    public async Task Skips_blank_and_malformed_lines_when_counting()
    {
        var path = _dir.WriteLines("mixed.jsonl",
            """{"ts":"2026-01-20T15:30:45.000000Z","dir":"out","type":"text","data":"one"}""",
            string.Empty,
            "not json",
            """{"ts":"2026-01-20T15:30:46.000000Z","dir":"in","type":"text","data":"two"}""");

        var meta = await Metadata(path);

        Assert.Equal(2, meta.Count);
        Assert.Equal(1, meta.Inbound);
        Assert.Equal(1, meta.Outbound);
        Assert.Equal(1, meta.Skipped);
    }

    [Fact]
    public async Task First_and_last_are_the_earliest_and_latest_timestamps_not_the_first_and_last_lines()
    {
        // Producers timestamp on their side, so lines are not always in time order.
        var path = _dir.WriteLines("unordered.jsonl",
            """{"ts":"2026-01-20T15:30:47.000000Z","dir":"out","type":"text","data":"b"}""",
            """{"ts":"2026-01-20T15:30:45.000000Z","dir":"in","type":"text","data":"a"}""",
            """{"ts":"2026-01-20T15:30:50.000000Z","dir":"in","type":"text","data":"d"}""",
            """{"ts":"2026-01-20T15:30:48.000000Z","dir":"out","type":"text","data":"c"}""");

        var meta = await Metadata(path);

        Assert.Equal(At(45), meta.FirstTimestamp);
        Assert.Equal(At(50), meta.LastTimestamp);
        Assert.Equal(TimeSpan.FromSeconds(5), meta.Duration);
    }

    public void Dispose() => _dir.Dispose();

    private static Task<RecordingMetadata> Metadata(string path) => RecordingReader.GetMetadataAsync(path).WaitAsync(TimeSpan.FromSeconds(30));

    private static DateTime At(int second) => new(2026, 1, 20, 15, 30, second, DateTimeKind.Utc);
}
