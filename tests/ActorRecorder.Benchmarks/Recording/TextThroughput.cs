using System.Diagnostics;
using Akka.Actor;
using ActorRecorder.Benchmarks.Harness;
using ActorRecorder.Recording;

namespace ActorRecorder.Benchmarks.Recording;

/// <summary>Sustained entries per second through one recorder (default options) to disk: from the first Tell to the completed Flush.</summary>
public static class TextThroughput
{
    public const string Name = "record_text64_entries_per_s";
    public const int Entries = 2_000_000;

    public static Figure Run() =>
        Measure.Median(Name, "entries/s", Once, $"{Entries} 64-byte text frames from one thread, default options, until Flushed");

    private static double Once()
    {
        using var bench = BenchRecording.Create("text");
        var recorder = bench.Start("text.jsonl");
        var text = new string('x', 64);
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < Entries; i++) recorder.Tell(new Record(Direction.Out, Frame.Text(text)), ActorRefs.NoSender);
        BenchRecording.Flush(recorder);
        var elapsed = Stopwatch.GetElapsedTime(start);
        var written = recorder.Ask<RecorderStats>(GetStats.Instance).GetAwaiter().GetResult().Entries;
        if (written != Entries) throw new InvalidOperationException($"The recorder wrote {written} entries, not {Entries}.");
        return Measure.PerSecond(Entries, elapsed);
    }
}
