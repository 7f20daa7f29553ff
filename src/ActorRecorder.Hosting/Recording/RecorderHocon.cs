using ActorRecorder.Recording;

namespace ActorRecorder.Hosting;

/// <summary>Writes <see cref="RecorderOptions"/> as the <c>actor-recorder.recorder</c> keys that <see cref="RecorderOptions.FromConfig"/> reads back.</summary>
internal static class RecorderHocon
{
    /// <exception cref="ArgumentException">An option is invalid, or <see cref="RecorderOptions.Owner"/> is set.</exception>
    public static void Write(HoconText hocon, RecorderOptions options)
    {
        options.Validate();
        if (options.Owner is not null)
            throw new ArgumentException(
                $"Invalid recorder option Owner = {options.Owner.Path}: an owner belongs to one session; WithRecording's options apply to every recorder.", nameof(options));
        const string section = RecorderOptions.ConfigSection;
        hocon.Int($"{section}.flush-entries", options.FlushEntries);
        hocon.Duration($"{section}.flush-interval", options.FlushInterval);
        hocon.Int($"{section}.flush-bytes", options.FlushBytes);
        hocon.Bool($"{section}.fsync", options.Fsync);
        hocon.Bool($"{section}.record-control-frames", options.RecordControlFrames);
        if (options.MailboxCapacity is { } capacity) hocon.Int($"{section}.mailbox-capacity", capacity);
        else hocon.Word($"{section}.mailbox-capacity", "unbounded");
        hocon.Word($"{section}.file-mode", options.FileMode == RecorderFileMode.Append ? "append" : "truncate");
    }
}
