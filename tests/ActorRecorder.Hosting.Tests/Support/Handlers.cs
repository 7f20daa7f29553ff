using ActorRecorder.Http;
using ActorRecorder.Recording;

namespace ActorRecorder.Hosting.Tests.Support;

/// <summary>Says "ready", then echoes every message; drains with the default (acknowledge, close 1001).</summary>
public sealed class EchoSession : WebSocketHandler
{
    protected override void PreStart() => Send(Frame.Text("ready"));

    protected override void HandleFrame(Frame frame) => Send(frame);
}

/// <summary>Routes the specs serve.</summary>
public static class SpecRoutes
{
    /// <summary>GET /hello answers "hello from &lt;tag&gt;"; /ws is an <see cref="EchoSession"/>.</summary>
    public static Routes Hello(string tag = "the host") => new Routes()
        .Map("/hello", (_, _) => Task.FromResult(HttpResponse.Text($"hello from {tag}")), "GET")
        .WebSocket<EchoSession>("/ws");
}
