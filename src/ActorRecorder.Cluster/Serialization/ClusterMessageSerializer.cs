using System.Buffers.Binary;
using System.Net;
using System.Runtime.Serialization;
using System.Text;
using ActorRecorder.Http;
using ActorRecorder.Recording;
using Akka.Actor;
using Akka.Serialization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ActorRecorder.Cluster;

/// <summary>
/// The serializer of every ActorRecorder message that crosses nodes: the cluster's commands and answers, the
/// listener view, and the recorder's <see cref="Record"/>, <see cref="Flush"/>, <see cref="GetStats"/> and their
/// answers. Each type has an explicit manifest and a fixed layout: JSON written field by field for the commands, a
/// compact binary form for <see cref="Record"/>, which is the one sent at a session's rate. Nothing names a .NET type
/// on the wire, so bytes from another node can only ever become one of these messages. An unknown manifest or
/// corrupt bytes throw <see cref="SerializationException"/> naming the manifest; Akka.Remote logs it and drops that
/// message, and the node and its connections keep running. The one answer left to Akka is a failed Flush's
/// <c>Status.Failure</c>, which Akka's own serializer carries.
/// </summary>
public sealed class ClusterMessageSerializer : SerializerWithStringManifest
{
    /// <summary>The serializer's identifier, unique among the system's serializers.</summary>
    public const int SerializerId = 7431;

    /// <summary>The name it is registered under in <c>akka.actor.serializers</c>.</summary>
    public const string Name = "actor-recorder";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Creates it for <paramref name="system"/> (Akka creates it from <c>akka.actor.serializers</c>).</summary>
    public ClusterMessageSerializer(ExtendedActorSystem system)
        : base(system)
    {
    }

    /// <inheritdoc />
    public override int Identifier => SerializerId;

    /// <summary>The message types, each with its manifest.</summary>
    internal static IReadOnlyDictionary<Type, string> Manifests { get; } = new Dictionary<Type, string>
    {
        [typeof(Record)] = "record",
        [typeof(Flush)] = "flush",
        [typeof(Flushed)] = "flushed",
        [typeof(GetStats)] = "get-stats",
        [typeof(RecorderStats)] = "recorder-stats",
        [typeof(DrainListener)] = "drain-listener",
        [typeof(StopListener)] = "stop-listener",
        [typeof(DrainNode)] = "drain-node",
        [typeof(ListenerDrained)] = "listener-drained",
        [typeof(ListenerStopped)] = "listener-stopped",
        [typeof(NodeDrained)] = "node-drained",
        [typeof(CommandFailed)] = "command-failed",
        [typeof(NodeListeners)] = "node-listeners",
    };

    /// <inheritdoc />
    public override string Manifest(object o)
    {
        ArgumentNullException.ThrowIfNull(o);
        return Manifests.TryGetValue(o.GetType(), out var manifest)
            ? manifest
            : throw new SerializationException($"{nameof(ClusterMessageSerializer)} cannot serialize {o.GetType()}: it is not a message of ActorRecorder's cluster.");
    }

    /// <inheritdoc />
    public override byte[] ToBinary(object obj) => obj switch
    {
        Record record => RecordFormat.Write(record),
        Flush or Flushed or GetStats => [],
        _ => Json(obj),
    };

    /// <inheritdoc />
    public override object FromBinary(byte[] bytes, string manifest)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        try
        {
            return manifest switch
            {
                "record" => RecordFormat.Read(bytes),
                "flush" => Flush.Instance,
                "flushed" => Flushed.Instance,
                "get-stats" => GetStats.Instance,
                _ when Manifests.Values.Contains(manifest) => FromJson(JObject.Parse(Utf8.GetString(bytes)), manifest),
                _ => throw new SerializationException($"Unknown manifest '{manifest}' for {nameof(ClusterMessageSerializer)} ({bytes.Length} bytes): the sender runs another version, or the bytes are not ours."),
            };
        }
        catch (Exception e) when (e is JsonException or FormatException or ArgumentException or InvalidCastException
                                      or OverflowException or DecoderFallbackException or IndexOutOfRangeException or NullReferenceException)
        {
            throw new SerializationException($"Corrupt '{manifest}' message for {nameof(ClusterMessageSerializer)} ({bytes.Length} bytes): {e.Message}", e);
        }
    }

    private static byte[] Json(object obj)
    {
        var json = obj switch
        {
            RecorderStats s => new JObject
            {
                ["entries"] = s.Entries, ["bytes"] = s.Bytes, ["pending"] = s.Pending, ["pendingBytes"] = s.PendingBytes,
                ["dropped"] = s.Dropped, ["failures"] = s.Failures, ["restarts"] = s.Restarts,
            },
            DrainListener d => new JObject { ["name"] = d.Name, ["timeoutTicks"] = d.Timeout.Ticks },
            StopListener s => new JObject { ["name"] = s.Name },
            DrainNode d => new JObject { ["timeoutTicks"] = d.Timeout.Ticks },
            ListenerDrained d => Drained(d),
            ListenerStopped s => new JObject { ["name"] = s.Name },
            NodeDrained n => new JObject { ["listeners"] = new JArray(n.Listeners.Select(Drained)) },
            CommandFailed f => new JObject { ["reason"] = f.Reason.ToString(), ["name"] = f.Name, ["message"] = f.Message },
            NodeListeners n => new JObject { ["listeners"] = new JArray(n.Listeners.Select(Listener)) },
            _ => throw new SerializationException($"{nameof(ClusterMessageSerializer)} cannot serialize {obj.GetType()}: it is not a message of ActorRecorder's cluster."),
        };
        return Utf8.GetBytes(json.ToString(Formatting.None));
    }

    private static object FromJson(JObject json, string manifest) => manifest switch
    {
        "recorder-stats" => new RecorderStats(Long(json, "entries"), Long(json, "bytes"), Long(json, "pending"), Long(json, "pendingBytes"),
            Long(json, "dropped"), Long(json, "failures"), Long(json, "restarts")),
        "drain-listener" => new DrainListener(Str(json, "name"), Ticks(json, "timeoutTicks")),
        "stop-listener" => new StopListener(Str(json, "name")),
        "drain-node" => new DrainNode(Ticks(json, "timeoutTicks")),
        "listener-drained" => Drained(json),
        "listener-stopped" => new ListenerStopped(Str(json, "name")),
        "node-drained" => new NodeDrained(Array(json, "listeners").Select(Drained).ToArray()),
        "command-failed" => new CommandFailed(Enum<CommandFailure>(json, "reason"), Str(json, "name"), Str(json, "message")),
        "node-listeners" => new NodeListeners(Array(json, "listeners").Select(Listener).ToArray()),
        _ => throw new SerializationException($"Unknown manifest '{manifest}' for {nameof(ClusterMessageSerializer)}."),
    };

    private static JObject Drained(ListenerDrained d) => new()
    {
        ["name"] = d.Name,
        ["outcome"] = d.Result.Outcome.ToString(),
        ["acknowledged"] = d.Result.Acknowledged,
        ["remaining"] = d.Result.Remaining,
        ["durationTicks"] = d.Result.Duration.Ticks,
    };

    private static ListenerDrained Drained(JObject json) => new(Str(json, "name"),
        new DrainResult(Enum<DrainOutcome>(json, "outcome"), Int(json, "acknowledged"), Int(json, "remaining"), Ticks(json, "durationTicks")));

    private static JObject Listener(ClusterListenerInfo l) => new()
    {
        ["node"] = l.Node.ToString(),
        ["name"] = l.Name,
        ["endpoint"] = l.Endpoint.ToString(),
        ["status"] = l.Status.ToString(),
        ["connections"] = l.ActiveConnections,
        ["sessions"] = l.WebSocketSessions,
        ["served"] = l.RequestsServed,
        ["rejected"] = l.Rejected,
    };

    private static ClusterListenerInfo Listener(JObject json) => new(
        Address.Parse(Str(json, "node")),
        Str(json, "name"),
        IPEndPoint.Parse(Str(json, "endpoint")),
        // A status this version does not know (a newer node's, in a rolling deploy) reads as not serving, rather than
        // failing the whole view that Distributed Data gossips.
        System.Enum.TryParse<ListenerStatus>(Str(json, "status"), ignoreCase: false, out var status) && System.Enum.IsDefined(status) ? status : ListenerStatus.Stopped,
        Long(json, "connections"),
        Long(json, "sessions"),
        Long(json, "served"),
        Long(json, "rejected"));

    private static JToken Field(JObject json, string name) =>
        json.TryGetValue(name, StringComparison.Ordinal, out var value) && value.Type != JTokenType.Null
            ? value
            : throw new FormatException($"field '{name}' is missing");

    private static string Str(JObject json, string name) =>
        Field(json, name) is JValue { Type: JTokenType.String, Value: string s } ? s : throw new FormatException($"field '{name}' is not a string");

    private static long Long(JObject json, string name) =>
        Field(json, name) is JValue { Type: JTokenType.Integer } v ? v.Value<long>() : throw new FormatException($"field '{name}' is not an integer");

    private static int Int(JObject json, string name) => checked((int)Long(json, name));

    private static TimeSpan Ticks(JObject json, string name) => TimeSpan.FromTicks(Long(json, name));

    private static T Enum<T>(JObject json, string name)
        where T : struct, Enum =>
        System.Enum.TryParse<T>(Str(json, name), ignoreCase: false, out var value) && System.Enum.IsDefined(value)
            ? value
            : throw new FormatException($"field '{name}' is not a {typeof(T).Name}");

    private static IEnumerable<JObject> Array(JObject json, string name) =>
        Field(json, name) is JArray array
            ? array.Select(t => t as JObject ?? throw new FormatException($"an item of '{name}' is not an object"))
            : throw new FormatException($"field '{name}' is not an array");

    /// <summary>
    /// <see cref="Record"/> in binary: direction (1 byte), frame type (1), timestamp in UTC ticks (8, little-endian),
    /// then the frame: a text as UTF-8; a close as its code (2) and reason as UTF-8; any other frame's payload as is.
    /// </summary>
    private static class RecordFormat
    {
        private const int Header = 10;

        public static byte[] Write(Record record)
        {
            var frame = record.Frame;
            byte[] bytes;
            switch (frame.Type)
            {
                case FrameType.Text:
                    bytes = Start(record, Utf8.GetByteCount(frame.TextData!));
                    Utf8.GetBytes(frame.TextData!, bytes.AsSpan(Header));
                    break;
                case FrameType.Close:
                    bytes = Start(record, 2 + Utf8.GetByteCount(frame.CloseReason!));
                    BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(Header), frame.CloseCode);
                    Utf8.GetBytes(frame.CloseReason!, bytes.AsSpan(Header + 2));
                    break;
                default:
                    bytes = Start(record, frame.Payload.Length);
                    frame.Payload.Span.CopyTo(bytes.AsSpan(Header));
                    break;
            }
            return bytes;
        }

        public static Record Read(byte[] bytes)
        {
            if (bytes.Length < Header) throw new FormatException($"a record needs {Header} bytes of header, there are {bytes.Length}");
            var direction = (Direction)bytes[0];
            var type = (FrameType)bytes[1];
            var ticks = BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(2));
            if (ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks) throw new FormatException($"timestamp {ticks} is out of range");
            var body = bytes.AsMemory(Header);
            var frame = type switch
            {
                FrameType.Text => Frame.Text(Utf8.GetString(body.Span)),
                FrameType.Binary => Frame.Binary(body),
                FrameType.Ping => Frame.Ping(body),
                FrameType.Pong => Frame.Pong(body),
                FrameType.Close when body.Length >= 2 => Frame.Close(BinaryPrimitives.ReadUInt16LittleEndian(body.Span), Utf8.GetString(body.Span[2..])),
                _ => throw new FormatException($"frame type {(int)type} is unknown"),
            };
            // The constructor checks the direction: an unknown one is an ArgumentException, reported as corrupt.
            return new Record(direction, frame, new DateTime(ticks, DateTimeKind.Utc));
        }

        private static byte[] Start(Record record, int bodyLength)
        {
            var bytes = new byte[Header + bodyLength];
            bytes[0] = (byte)record.Direction;
            bytes[1] = (byte)record.Frame.Type;
            BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(2), record.Timestamp.Ticks);
            return bytes;
        }
    }
}
