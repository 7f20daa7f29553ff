using Akka.Event;

namespace ActorRecorder.Otp;

/// <summary>OTP's supervisor reports (child_terminated, start_error, shutdown_error, reached_max_restart_intensity) on Akka's log.</summary>
public sealed partial class Supervisor
{
    /// <summary>Logs a report with this supervisor's path and OTP's name for it, within the system's <c>reports-per-second</c>.</summary>
    private void Report(string context, Exception? cause, string what, bool error = true)
    {
        if (!_otp.Reports.TryTake(out var heldBack)) return;
        var message = heldBack == 0
            ? $"Supervisor {Self.Path} ({context}): {what}."
            : $"Supervisor {Self.Path} ({context}): {what}. ({heldBack} earlier supervisor reports were held back by actor-recorder.otp.reports-per-second.)";
        if (error) _log.Error(cause, "{0}", message);
        else _log.Info("{0}", message);
    }
}
