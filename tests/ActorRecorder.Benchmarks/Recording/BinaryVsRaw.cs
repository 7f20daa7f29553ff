using System.Diagnostics;
using ActorRecorder.Actors;
using ActorRecorder.Benchmarks.Harness;
using ActorRecorder.Recording;

namespace ActorRecorder.Benchmarks.Recording;

/// <summary>
/// The same 64 KiB payloads written as JSONL by a recorder and raw by a plain FileStream, in the same
/// run, as payload MB/s; their ratio is the figure with a target (Base64 alone writes 4/3 of the bytes).
/// </summary>
/// <remarks>
/// Page-cache writes on a shared machine vary several-fold from one second to the next, so the two
/// sides are interleaved: each run writes <see cref="Rounds"/> slices of <see cref="FramesPerRound"/>
/// frames, alternately raw and recorded (the recorder flushed at the end of each slice), and the ratio
/// is taken per run from the summed times. Files are removed after each run.
/// </remarks>
public static class BinaryVsRaw
{
    public const string RecorderName = "record_binary64k_mb_per_s";
    public const string RawName = "raw_write_mb_per_s";
    public const string RatioName = "record_binary64k_vs_raw";
    public const int Rounds = 4;
    public const int FramesPerRound = 256;
    public const int FrameSize = 64 * 1024;
    private const int WarmUps = 3;

    public static IReadOnlyList<Figure> Run()
    {
        var payload = new byte[FrameSize];
        new Random(42).NextBytes(payload);
        // Several warm-up runs: the vectorised Base64 encoder starts as tier-0 code that is ~20 times slower.
        for (var i = 0; i < WarmUps; i++) Once(payload);
        var recorded = new List<double>();
        var raw = new List<double>();
        for (var i = 0; i < Measure.Runs; i++)
        {
            var (r, w) = Once(payload);
            recorded.Add(r);
            raw.Add(w);
        }
        var ratios = recorded.Zip(raw, (r, w) => r / w).ToList();
        var note = $"{Rounds * FramesPerRound} frames of 64 KiB per side, interleaved in slices of {FramesPerRound}, payload MB/s (MB = 10^6 bytes)";
        return
        [
            new Figure(RecorderName, Median(recorded), "MB/s", recorded, note),
            new Figure(RawName, Median(raw), "MB/s", raw, note),
            new Figure(RatioName, Median(ratios), "x", ratios, "recorder MB/s / raw FileStream MB/s, per run"),
        ];
    }

    private static (double Recorded, double Raw) Once(byte[] payload)
    {
        using var bench = BenchRecording.Create("binary");
        Measure.Collect();
        var recorder = bench.Start("binary.jsonl");
        long recordTicks = 0, rawTicks = 0;
        using (var file = new FileStream(bench.File("raw.bin"), FileMode.Create, FileAccess.Write))
        {
            for (var round = 0; round < Rounds; round++)
            {
                // Alternate which side goes first in a round.
                if (round % 2 == 0)
                {
                    rawTicks += Raw(file, payload);
                    recordTicks += Recorded(recorder, payload);
                }
                else
                {
                    recordTicks += Recorded(recorder, payload);
                    rawTicks += Raw(file, payload);
                }
            }
        }
        Recorder.StopAsync(recorder).GetAwaiter().GetResult();
        var bytes = (double)Rounds * FramesPerRound * FrameSize;
        return (bytes / 1e6 / Seconds(recordTicks), bytes / 1e6 / Seconds(rawTicks));
    }

    private static long Raw(FileStream file, byte[] payload)
    {
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < FramesPerRound; i++) file.Write(payload);
        file.Flush();
        return Stopwatch.GetTimestamp() - start;
    }

    private static long Recorded(IActorRef recorder, byte[] payload)
    {
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < FramesPerRound; i++) recorder.Tell(new Record(Direction.In, Frame.Binary(payload)), null);
        BenchRecording.Flush(recorder);
        return Stopwatch.GetTimestamp() - start;
    }

    private static double Seconds(long ticks) => ticks / (double)Stopwatch.Frequency;

    private static double Median(List<double> values) => values.OrderBy(v => v).ElementAt(values.Count / 2);
}
