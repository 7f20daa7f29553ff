namespace ActorRecorder.Recording.Tests.Recorders;

using ActorRecorder.Recording.Tests.Support;
using Akka.Actor;
using Xunit;
using Xunit.Abstractions;
using Record = ActorRecorder.Recording.Record;

/// <summary>ZenWebsocket's record specs: each frame type reaches the file, and recording never waits for the disk.</summary>
public sealed class RecordSpec(ITestOutputHelper output) : RecorderSpec(output)
{
    [Fact]
    public async Task Records_text_frames()
    {
        var path = Dir.File();
        var recorder = await StartAsync(path);

        recorder.Tell(new Record(Direction.Out, Frame.Text("hello")));
        recorder.Tell(new Record(Direction.In, Frame.Text("world")));
        await FlushAsync(recorder);
        await StopAsync(recorder);

        var lines = JsonLines(path);
        Assert.Equal(2, lines.Count);
        Assert.Equal(("out", "hello"), ((string)lines[0]["dir"]!, Text(lines[0])));
        Assert.Equal(("in", "world"), ((string)lines[1]["dir"]!, Text(lines[1])));
    }

    [Fact]
    public async Task Records_binary_frames_as_Base64()
    {
        var path = Dir.File();
        var recorder = await StartAsync(path);

        recorder.Tell(new Record(Direction.In, Frame.Binary(new byte[] { 1, 2, 3 })));
        await FlushAsync(recorder);
        await StopAsync(recorder);

        var line = Assert.Single(JsonLines(path));
        Assert.Equal(("binary", "AQID", true), ((string)line["type"]!, Text(line), (bool)line["binary"]!));
    }

    [Fact]
    public async Task Records_close_frames()
    {
        var path = Dir.File();
        var recorder = await StartAsync(path);

        recorder.Tell(new Record(Direction.In, Frame.Close(1000, "goodbye")));
        await FlushAsync(recorder);
        await StopAsync(recorder);

        var line = Assert.Single(JsonLines(path));
        Assert.Equal("close", (string)line["type"]!);
        Assert.Equal("goodbye", (string)Json.Parse(Text(line))["reason"]!);
    }

    [Fact]
    public async Task Record_never_waits_for_the_recorder_even_when_its_disk_is_stuck()
    {
        if (!OperatingSystem.IsLinux()) return;
        await using var fifo = Fifo.Create(Dir.File("stuck.jsonl"));
        var recorder = await StartAsync(fifo.Path);

        // A 5 MB line in a 64 KB pipe nobody drains: the recorder is stuck in write() once a byte came out.
        recorder.Tell(new Record(Direction.In, Frame.Binary(new byte[4 * 1024 * 1024])));
        await fifo.ReadAtLeastAsync(1);

        for (var i = 1; i <= 100; i++) recorder.Tell(new Record(Direction.Out, Frame.Text($"message {i}")));

        // All 100 Tells returned while the recorder was stuck. Now let it go: nothing was lost.
        var drained = fifo.ReadToEndAsync();
        await StopAsync(recorder);
        var lines = (await drained).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(101, lines.Length);
        Assert.Equal(Enumerable.Range(1, 100).Select(i => $"message {i}"), lines.Skip(1).Select(l => RecordingFormat.ParseEntry(l).Data));
    }

    [Fact]
    public async Task Ping_and_pong_are_recorded_only_when_asked()
    {
        var quiet = Dir.File("quiet.jsonl");
        var all = Dir.File("all.jsonl");
        var ignoring = await StartAsync(quiet);
        var recording = await StartAsync(all, new RecorderOptions { RecordControlFrames = true });

        foreach (var recorder in new[] { ignoring, recording })
        {
            recorder.Tell(new Record(Direction.In, Frame.Ping(new byte[] { 1 })));
            recorder.Tell(new Record(Direction.Out, Frame.Pong(new byte[] { 1 })));
            recorder.Tell(new Record(Direction.In, Frame.Text("data")));
            await StopAsync(recorder);
        }

        Assert.Equal(["text"], JsonLines(quiet).Select(l => (string)l["type"]!));
        Assert.Equal(["ping", "pong", "text"], JsonLines(all).Select(l => (string)l["type"]!));
    }

    [Fact]
    public async Task The_timestamp_is_taken_when_the_record_is_created_not_when_it_is_written()
    {
        var path = Dir.File();
        var recorder = await StartAsync(path);
        var earlier = new Record(Direction.In, Frame.Text("created first"));
        var later = new Record(Direction.Out, Frame.Text("created second"));
        Assert.True(later.Timestamp >= earlier.Timestamp);

        recorder.Tell(later);
        recorder.Tell(earlier);
        await StopAsync(recorder);

        var entries = await RecordingReader.ReadAsync(path).ToListAsync();
        Assert.Equal([later.Timestamp, earlier.Timestamp], entries.Select(e => e.Timestamp));
        Assert.Equal(0, earlier.Timestamp.Ticks % TimeSpan.TicksPerMicrosecond);
    }

    [Fact]
    public async Task Entries_of_each_producer_stay_in_that_producers_order()
    {
        const int producers = 8;
        const int each = 2_000;
        var path = Dir.File();
        var recorder = await StartAsync(path);

        var threads = Enumerable.Range(0, producers).Select(p => new Thread(() =>
        {
            for (var i = 0; i < each; i++) recorder.Tell(new Record(Direction.Out, Frame.Text($"{p}:{i}")), ActorRefs.NoSender);
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        await StopAsync(recorder);

        var byProducer = JsonLines(path).Select(l => Text(l).Split(':')).GroupBy(p => p[0], p => int.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(producers, byProducer.Count());
        Assert.All(byProducer, g => Assert.Equal(Enumerable.Range(0, each), g));
    }
}
