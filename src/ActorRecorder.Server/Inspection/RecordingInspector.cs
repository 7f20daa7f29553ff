using ActorRecorder.Recording;
using ActorRecorder.Server.Recordings;

namespace ActorRecorder.Server.Inspection;

/// <summary>Reads a recording once and sums it up as an <see cref="InspectionReport"/>.</summary>
internal static class RecordingInspector
{
    public static async Task<InspectionReport> InspectAsync(RecordingInput input, CancellationToken cancellationToken)
    {
        // Indexed by FrameType (1..5) and Direction (1..2); both enums start at 1, slot 0 stays empty.
        var counts = new long[(int)FrameType.Pong + 1, (int)Direction.Out + 1];
        long count = 0;
        DateTime? first = null, last = null;
        LargestFrame? largest = null;
        await foreach (var entry in input.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            count++;
            counts[(int)entry.Type, (int)entry.Direction]++;
            // As RecordingReader's metadata: producers timestamp on their own side, so file order is not time order.
            if (first is null || entry.Timestamp < first) first = entry.Timestamp;
            if (last is null || entry.Timestamp > last) last = entry.Timestamp;
            var size = FrameSize.Of(entry.Frame);
            if (largest is null || size > largest.Size) largest = new LargestFrame(count, entry.LineNumber, entry.Direction, entry.Type, size);
        }

        var types = Enum.GetValues<FrameType>()
            .Select(t => new TypeCount(t, counts[(int)t, (int)Direction.In], counts[(int)t, (int)Direction.Out]))
            .Where(t => t.Total > 0)
            .ToArray();
        var inbound = types.Sum(t => t.In);
        return new InspectionReport(input.Path, count, inbound, count - inbound, types, first, last, largest, input.Malformed.ToArray());
    }
}
