using ActorRecorder.Http;
using ActorRecorder.Recording;

namespace ActorRecorder.Server.Tests.Support;

/// <summary>Greets with "hello", then echoes every message as it came.</summary>
public sealed class EchoHandler : WebSocketHandler
{
    protected override void PreStart() => Send(Frame.Text("hello"));

    protected override void HandleFrame(Frame frame) => Send(frame);
}

/// <summary>Greets as <see cref="EchoHandler"/> does, then echoes text upper-cased: a server that changed its answers.</summary>
public sealed class ShoutingHandler : WebSocketHandler
{
    protected override void PreStart() => Send(Frame.Text("hello"));

    protected override void HandleFrame(Frame frame) => Send(frame.TextData is { } text ? Frame.Text(text.ToUpperInvariant()) : frame);
}

/// <summary>Answers each text with JSON holding the text and a fresh "at" timestamp (and an id that counts): what --ignore is for.</summary>
public sealed class StampingHandler : WebSocketHandler
{
    private int _answers;

    protected override void HandleFrame(Frame frame)
    {
        _answers++;
        var answer = new Newtonsoft.Json.Linq.JObject
        {
            ["echo"] = frame.TextData,
            ["at"] = DateTime.UtcNow.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture) + Guid.NewGuid().ToString("N"),
            ["meta"] = new Newtonsoft.Json.Linq.JObject { ["answer"] = _answers, ["server"] = "stamping" },
        };
        Send(Frame.Text(answer.ToString(Newtonsoft.Json.Formatting.None)));
    }
}

/// <summary>Answers the first message, then closes with 4001 "enough": a server that ends the session early.</summary>
public sealed class ClosingHandler : WebSocketHandler
{
    protected override void HandleFrame(Frame frame)
    {
        Send(frame);
        Close(4001, "enough");
    }
}

/// <summary>Echoes, and ignores a drain: its session keeps a drain going until the client leaves.</summary>
public sealed class DrainIgnoringHandler : WebSocketHandler
{
    protected override void HandleFrame(Frame frame) => Send(frame);

    protected override void OnDrain(Drain drain)
    {
    }
}
