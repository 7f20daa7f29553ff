using System.Text;
using Akka.Actor;

namespace ActorRecorder.Http;

/// <summary>
/// A long-running response's actor (roadrunner's loop handler), started per request as a child of its listener.
/// It writes the response in chunks with <see cref="Push(string)"/>, or as Server-Sent Events with <see cref="PushEvent"/>,
/// and ends it with <see cref="Finish"/>, which stops the actor. It receives any message sent to it (add <c>Receive</c>s),
/// and <see cref="ClientDisconnected"/> when the client goes away (by default it then stops).
/// If it stops or crashes before finishing, the response ends there. When its listener drains, <see cref="OnDrain"/>
/// gets the deadline; by default it acknowledges and finishes.
/// </summary>
public abstract class LoopHandler : HandlerActor
{
    /// <summary>Takes the response its listener created it for.</summary>
    protected LoopHandler()
        : base(HandlerProducer.Current<LoopResponse>(nameof(LoopHandler)))
    {
        Receive<ClientDisconnected>(_ => OnClientDisconnected());
    }

    private LoopResponse Response => (LoopResponse)Connection;

    /// <summary>Sets the status code; only before the first push.</summary>
    protected void SetStatus(int status) => Response.SetStatus(status);

    /// <summary>Sets a response header; only before the first push.</summary>
    protected void SetHeader(string name, string value) => Response.SetHeader(name, value);

    /// <summary>Writes a chunk of UTF-8 text.</summary>
    protected void Push(string chunk) => Response.Push(Encoding.UTF8.GetBytes(chunk));

    /// <summary>Writes a chunk of bytes.</summary>
    protected void Push(ReadOnlyMemory<byte> chunk) => Response.Push(chunk);

    /// <summary>
    /// Writes one Server-Sent Event (<c>event:</c>, <c>id:</c>, <c>retry:</c>, and a <c>data:</c> line per line of
    /// <paramref name="data"/>). The first sets <c>Content-Type: text/event-stream</c>.
    /// </summary>
    protected void PushEvent(string data, string? eventName = null, string? id = null, TimeSpan? retry = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        Response.SetHeaderOnce("Content-Type", "text/event-stream");
        Response.SetHeaderOnce("Cache-Control", "no-cache");
        var text = new StringBuilder();
        if (eventName is not null) text.Append("event: ").Append(eventName).Append('\n');
        if (id is not null) text.Append("id: ").Append(id).Append('\n');
        if (retry is { } r) text.Append("retry: ").Append((long)r.TotalMilliseconds).Append('\n');
        foreach (var line in data.Split('\n')) text.Append("data: ").Append(line.TrimEnd('\r')).Append('\n');
        text.Append('\n');
        Push(text.ToString());
    }

    /// <summary>Ends the response and stops the actor.</summary>
    protected void Finish()
    {
        Response.Finish();
        Context.Stop(Self);
    }

    /// <summary>The client went away; the response cannot be written any more. By default the actor stops.</summary>
    protected virtual void OnClientDisconnected() => Context.Stop(Self);

    /// <summary>
    /// The listener drains: finish by <c>drain.Deadline</c>, or be stopped then. By default the handler acknowledges
    /// and finishes its response; override it to write a last chunk first, or to take the time it is given.
    /// </summary>
    protected override void OnDrain(Drain drain)
    {
        ArgumentNullException.ThrowIfNull(drain);
        AcknowledgeDrain(drain.Deadline);
        Finish();
    }
}

/// <summary>Told to a <see cref="LoopHandler"/> when its client has gone away.</summary>
public sealed class ClientDisconnected
{
    private ClientDisconnected()
    {
    }

    /// <summary>The single instance.</summary>
    public static ClientDisconnected Instance { get; } = new();
}
