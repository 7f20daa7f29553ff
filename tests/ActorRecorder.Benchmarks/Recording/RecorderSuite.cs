using ActorRecorder.Benchmarks.Harness;

namespace ActorRecorder.Benchmarks.Recording;

/// <summary>The <c>recorder</c> suite: the session recorder's figures and their targets.</summary>
/// <remarks>
/// Targets: record_tell_ns ≤ 100 ns and ≤ 1.1 × akka_tell_ns; record_text64_entries_per_s ≥ 1 000 000;
/// record_binary64k_vs_raw ≥ 0.6 x; recorder_idle_bytes ≤ 2.5 KiB.
/// </remarks>
public static class RecorderSuite
{
    public static IEnumerable<Figure> Run(Func<string, bool> selected)
    {
        if (selected(TellCost.Name) || selected(TellCost.BaselineName)) foreach (var f in TellCost.Run()) yield return f;
        if (selected(TextThroughput.Name)) yield return TextThroughput.Run();
        if (selected(BinaryVsRaw.RecorderName) || selected(BinaryVsRaw.RawName) || selected(BinaryVsRaw.RatioName))
        {
            foreach (var figure in BinaryVsRaw.Run()) yield return figure;
        }
        if (selected(IdleMemory.Name)) yield return IdleMemory.Run();
    }
}
