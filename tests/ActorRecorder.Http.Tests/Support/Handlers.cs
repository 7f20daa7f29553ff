using Akka.Actor;
using ActorRecorder.Recording;

namespace ActorRecorder.Http.Tests.Support;

/// <summary>Echoes every message; "crash" crashes it, "close" closes with 4000, "bye" stops it.</summary>
public sealed class EchoHandler : WebSocketHandler
{
    public EchoHandler()
    {
        Receive<string>(text => Send(Frame.Text(text))); // handle_info: a message from elsewhere goes to the client
    }

    protected override void PreStart() => Send(Frame.Text($"hello {SessionId.Length}"));

    protected override void HandleFrame(Frame frame)
    {
        switch (frame.TextData)
        {
            case "crash":
                throw new InvalidOperationException("the handler crashes, as asked");
            case "close":
                Close(4000, "asked to close");
                return;
            case "bye":
                Context.Stop(Self);
                return;
            default:
                Send(frame);
                return;
        }
    }
}

/// <summary>Streams three Server-Sent Events, then finishes; tells the probe when the client went away.</summary>
public sealed class TickHandler(IActorRef probe) : LoopHandler
{
    protected override void PreStart()
    {
        for (var i = 1; i <= 3; i++) PushEvent($"tick {i}", eventName: "tick", id: i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (Request.Query.ContainsKey("hold")) return; // stays open until the client leaves
        Finish();
    }

    protected override void OnClientDisconnected()
    {
        probe.Tell("client disconnected");
        base.OnClientDisconnected();
    }
}
