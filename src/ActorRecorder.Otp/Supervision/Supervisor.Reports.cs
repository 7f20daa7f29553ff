using Akka.Event;

namespace ActorRecorder.Otp;

/// <summary>OTP's supervisor reports (child_terminated, start_error, shutdown_error, reached_max_restart_intensity) on Akka's log.</summary>
public sealed partial class Supervisor
{
    /// <summary>Whether a report may be logged now, within the system's <c>reports-per-second</c>; asked before the report is even formatted.</summary>
    private bool MayReport(out long heldBack) => _otp.Reports.TryTake(out heldBack);

    /// <summary>Logs a report with this supervisor's path and OTP's name for it; <paramref name="heldBack"/> reports were suppressed before it.</summary>
    private void Report(string context, long heldBack, Exception? cause, string what, bool error = true)
    {
        var message = heldBack == 0
            ? $"Supervisor {Self.Path} ({context}): {what}."
            : $"Supervisor {Self.Path} ({context}): {what}. ({heldBack} earlier supervisor reports were held back by actor-recorder.otp.reports-per-second.)";
        if (error) _log.Error(cause, "{0}", message);
        else _log.Info("{0}", message);
    }
}
