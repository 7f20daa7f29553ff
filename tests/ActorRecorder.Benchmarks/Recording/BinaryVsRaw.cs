using System.Diagnostics;
using Akka.Actor;
using ActorRecorder.Benchmarks.Harness;
using ActorRecorder.Recording;

namespace ActorRecorder.Benchmarks.Recording;

/// <summary>
/// The same 64 KiB payloads written as JSONL by a recorder and raw by a plain FileStream, in the same
/// run, as payload MB/s; their ratio is the figure with a target (Base64 alone writes 4/3 of the bytes).
/// </summary>
/// <remarks>
/// <para>
/// Page-cache writes on a shared machine vary several-fold from one moment to the next, so the two
/// sides are interleaved: each run writes <see cref="Slices"/> slices of <see cref="FramesPerSlice"/>
/// frames, alternately raw and recorded (which side goes first alternates too). A recorded slice is
/// timed from its first Tell to the completed Flush, so it pays for waking the recorder and the Flush
/// round trip. A slice and the next one of the other side form a pair, a few milliseconds apart.
/// </para>
/// <para>
/// The machine stalls now and then for ~10 ms (mostly towards the end of a run, whichever side is
/// writing), which would decide a sum of 24 slices: each side's MB/s is taken from its median slice,
/// and the ratio is the median of the pairs' ratios. The summed-time ratio is reported as well. Files
/// are removed after each run.
/// </para>
/// </remarks>
public static class BinaryVsRaw
{
    public const string RecorderName = "record_binary64k_mb_per_s";
    public const string RawName = "raw_write_mb_per_s";
    public const string RatioName = "record_binary64k_vs_raw";
    public const string SummedRatioName = "record_binary64k_vs_raw_summed";
    public const int Slices = 12;
    public const int FramesPerSlice = 128;
    public const int FrameSize = 64 * 1024;
    private const int WarmUps = 3;

    public static IReadOnlyList<Figure> Run()
    {
        var payload = new byte[FrameSize];
        new Random(42).NextBytes(payload);
        WarmUpFormatting(payload);
        for (var i = 0; i < WarmUps; i++) Once(payload);
        var runs = Enumerable.Range(0, Measure.Runs).Select(_ => Once(payload)).ToList();
        var note = $"{Slices} slices of {FramesPerSlice} frames of 64 KiB per side, interleaved; payload MB/s of the median slice (MB = 10^6 bytes)";
        return
        [
            Figure(RecorderName, "MB/s", runs.Select(r => r.Recorded).ToList(), note),
            Figure(RawName, "MB/s", runs.Select(r => r.Raw).ToList(), note),
            Figure(RatioName, "x", runs.Select(r => r.Ratio).ToList(), "median over the slice pairs of recorder MB/s / raw FileStream MB/s, per run"),
            Figure(SummedRatioName, "x", runs.Select(r => r.SummedRatio).ToList(), "the same from the summed times of all slices, stalls included"),
        ];
    }

    /// <summary>
    /// Formats frames until the formatting runs at its optimised speed. The vectorised Base64 encoder
    /// starts as tier-0 code about 10 times slower, and the runtime promotes it only once no new method
    /// has been compiled for a while, which the warm-up runs (each with a new actor system) keep
    /// postponing: bursts with pauses between them let the promotion happen before anything is measured.
    /// </summary>
    private static void WarmUpFormatting(byte[] payload)
    {
        var buffer = new PendingBuffer();
        var writer = new JsonlEntryWriter(buffer);
        var best = double.MaxValue;
        var fast = 0;
        for (var burst = 0; burst < 100 && fast < 3; burst++)
        {
            var start = Stopwatch.GetTimestamp();
            for (var i = 0; i < FramesPerSlice; i++)
            {
                writer.Append(DateTime.UtcNow, Direction.In, Frame.Binary(payload));
                buffer.Reset();
            }
            var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            best = Math.Min(best, elapsed);
            // Tier-0 is ~10 times slower than the optimised code; 2 times absorbs the machine's noise.
            fast = burst >= 10 && elapsed < 2 * best ? fast + 1 : 0;
            Thread.Sleep(50);
        }
        buffer.Clear();
    }

    private static SliceRun Once(byte[] payload)
    {
        using var bench = BenchRecording.Create("binary");
        Measure.Collect();
        var recorder = bench.Start("binary.jsonl");
        var raw = new long[Slices];
        var recorded = new long[Slices];
        using (var file = new FileStream(bench.File("raw.bin"), FileMode.Create, FileAccess.Write))
        {
            for (var slice = 0; slice < Slices; slice++)
            {
                if (slice % 2 == 0)
                {
                    raw[slice] = Raw(file, payload);
                    recorded[slice] = Recorded(recorder, payload);
                }
                else
                {
                    recorded[slice] = Recorded(recorder, payload);
                    raw[slice] = Raw(file, payload);
                }
            }
        }
        Recorder.StopAsync(recorder).GetAwaiter().GetResult();
        return new SliceRun(
            MegabytesPerSecond(Median(recorded)),
            MegabytesPerSecond(Median(raw)),
            Median(raw.Zip(recorded, (w, r) => (double)w / r)),
            (double)raw.Sum() / recorded.Sum());
    }

    private static long Raw(FileStream file, byte[] payload)
    {
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < FramesPerSlice; i++) file.Write(payload);
        file.Flush();
        return Stopwatch.GetTimestamp() - start;
    }

    private static long Recorded(IActorRef recorder, byte[] payload)
    {
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < FramesPerSlice; i++) recorder.Tell(new Record(Direction.In, Frame.Binary(payload)), ActorRefs.NoSender);
        BenchRecording.Flush(recorder);
        return Stopwatch.GetTimestamp() - start;
    }

    /// <summary>Payload MB/s of a slice that took <paramref name="ticks"/>.</summary>
    private static double MegabytesPerSecond(double ticks) => (double)FramesPerSlice * FrameSize / 1e6 / (ticks / Stopwatch.Frequency);

    private static double Median(IEnumerable<long> values) => Median(values.Select(v => (double)v));

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted[sorted.Count / 2];
    }

    private static Figure Figure(string name, string unit, List<double> runs, string note) => new(name, Median(runs), unit, runs, note);

    private readonly record struct SliceRun(double Recorded, double Raw, double Ratio, double SummedRatio);
}
