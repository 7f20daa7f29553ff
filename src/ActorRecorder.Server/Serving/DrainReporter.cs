using Akka.Actor;
using Akka.Event;

namespace ActorRecorder.Server.Serving;

/// <summary>
/// Prints the listeners' drain result on shutdown, which the drain logs at INFO (its warnings go to the log, on stderr):
/// <c>drain: Listener 'default' drained on shutdown: Drained, 1 acknowledged, 0 cut at the deadline, in 12 ms.</c>
/// </summary>
internal sealed class DrainReporter : ReceiveActor
{
    public DrainReporter(TextWriter output) =>
        Receive<Info>(info =>
        {
            var message = info.Message?.ToString() ?? "";
            if (!message.StartsWith("Listener '", StringComparison.Ordinal) || !message.Contains(" on shutdown", StringComparison.Ordinal)) return;
            output.WriteLine($"drain: {message}");
            output.Flush();
        });

}
