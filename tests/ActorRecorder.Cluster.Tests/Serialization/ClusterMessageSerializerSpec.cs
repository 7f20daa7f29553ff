using System.Net;
using System.Runtime.Serialization;
using System.Text;
using ActorRecorder.Http;
using ActorRecorder.Recording;
using Akka.Actor;
using Xunit;
using Xunit.Abstractions;
using Record = ActorRecorder.Recording.Record;

namespace ActorRecorder.Cluster.Tests.Serialization;

/// <summary>Every message that crosses nodes goes through <see cref="ClusterMessageSerializer"/>, and comes back equal.</summary>
public sealed class ClusterMessageSerializerSpec(ITestOutputHelper output) : Akka.TestKit.Xunit2.TestKit(SerializationOnly, output: output)
{
    // A node's serialization settings, on a local system: nothing else of the cluster is needed to check them.
    private static readonly Akka.Configuration.Config SerializationOnly =
        Akka.Configuration.ConfigurationFactory.ParseString("akka.actor.provider = local\nakka.extensions = []")
            .WithFallback(new ActorRecorderClusterOptions { Port = 0 }.ToConfig());

    private static readonly Address Node = new("akka.tcp", "actor-recorder", "127.0.0.1", 4053);

    public static TheoryData<object> Messages() =>
    [
        new DrainListener("api", TimeSpan.FromMilliseconds(1500)),
        new StopListener("api"),
        new DrainNode(TimeSpan.FromSeconds(10)),
        new ListenerStopped("web"),
        new CommandFailed(CommandFailure.ListenerNotFound, "api", "No listener named 'api' on node x."),
        Flush.Instance,
        Flushed.Instance,
        GetStats.Instance,
        new RecorderStats(1, 2, 3, 4, 5, 6, 7),
    ];

    [Theory]
    [MemberData(nameof(Messages))]
    public void A_message_round_trips_through_the_serializer_Akka_picks_for_it(object message) =>
        Assert.Equal(message, RoundTrip(message));

    [Fact]
    public void Drain_answers_round_trip_with_the_nodes_DrainResult()
    {
        var drained = new ListenerDrained("api", new DrainResult(DrainOutcome.TimedOut, 3, 2, TimeSpan.FromTicks(123_456_789)));
        var node = new NodeDrained([drained, new ListenerDrained("web", new DrainResult(DrainOutcome.Drained, 0, 0, TimeSpan.Zero))]);

        Assert.Equal(drained, RoundTrip(drained));
        var back = (NodeDrained)RoundTrip(node);
        Assert.Equal(node.Listeners, back.Listeners);
    }

    [Fact]
    public void The_listener_view_round_trips_with_addresses_endpoints_and_counters()
    {
        var view = new NodeListeners(
        [
            new ClusterListenerInfo(Node, "api", IPEndPoint.Parse("127.0.0.1:8080"), ListenerStatus.Accepting, 3, 2, 100, 1),
            new ClusterListenerInfo(Node, "v6", IPEndPoint.Parse("[::1]:9090"), ListenerStatus.Draining, 0, 0, 0, 0),
        ]);

        var back = (NodeListeners)RoundTrip(view);

        Assert.Equal(view.Listeners, back.Listeners);
    }

    [Theory]
    [InlineData("text", 1)]
    [InlineData("binary", 2)]
    [InlineData("close", 3)]
    [InlineData("ping", 4)]
    [InlineData("pong", 5)]
    public void A_record_round_trips_in_binary_with_its_frame_and_timestamp(string kind, int type)
    {
        var frame = kind switch
        {
            "text" => Frame.Text("héllo 👋"),
            "binary" => Frame.Binary(new byte[] { 0, 1, 2, 255 }),
            "close" => Frame.Close(1001, "going away"),
            "ping" => Frame.Ping(new byte[] { 9 }),
            _ => Frame.Pong(ReadOnlyMemory<byte>.Empty),
        };
        var record = new Record(Direction.In, frame, new DateTime(2026, 12, 6, 1, 2, 3, DateTimeKind.Utc).AddTicks(4560));

        var back = (Record)RoundTrip(record);

        Assert.Equal((FrameType)type, back.Frame.Type);
        Assert.Equal(record.Frame, back.Frame);
        Assert.Equal(record.Direction, back.Direction);
        Assert.Equal(record.Timestamp, back.Timestamp);
    }

    [Fact]
    public void An_unknown_manifest_is_refused_naming_it()
    {
        var serializer = Serializer();

        var error = Assert.Throws<SerializationException>(() => serializer.FromBinary("{}"u8.ToArray(), "no-such-thing"));

        Assert.Contains("'no-such-thing'", error.Message);
    }

    [Theory]
    [InlineData("drain-listener", "{not json")]
    [InlineData("drain-listener", "{\"name\":\"api\"}")]
    [InlineData("drain-listener", "{\"name\":7,\"timeoutTicks\":1}")]
    [InlineData("command-failed", "{\"reason\":\"Exploded\",\"name\":\"a\",\"message\":\"b\"}")]
    [InlineData("node-listeners", "{\"listeners\":[{\"node\":\"not an address\"}]}")]
    [InlineData("recorder-stats", "[]")]
    public void Corrupt_json_is_refused_naming_the_manifest(string manifest, string json)
    {
        var error = Assert.Throws<SerializationException>(() => Serializer().FromBinary(Encoding.UTF8.GetBytes(json), manifest));

        Assert.Contains($"'{manifest}'", error.Message);
    }

    [Theory]
    [InlineData(new byte[] { 2, 1 })]
    [InlineData(new byte[] { 9, 1, 0, 0, 0, 0, 0, 0, 0, 0 })]
    [InlineData(new byte[] { 2, 77, 0, 0, 0, 0, 0, 0, 0, 0 })]
    [InlineData(new byte[] { 2, 3, 0, 0, 0, 0, 0, 0, 0, 0, 1 })]
    [InlineData(new byte[] { 2, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0xC3 })]
    [InlineData(new byte[] { 2, 1, 255, 255, 255, 255, 255, 255, 255, 255 })]
    public void A_corrupt_record_is_refused(byte[] bytes)
    {
        var error = Assert.Throws<SerializationException>(() => Serializer().FromBinary(bytes, "record"));

        Assert.Contains("'record'", error.Message);
    }

    [Fact]
    public void A_listener_status_from_a_newer_node_reads_as_not_serving_instead_of_failing_the_view()
    {
        var json = """{"listeners":[{"node":"akka.tcp://actor-recorder@127.0.0.1:4053","name":"api","endpoint":"127.0.0.1:80","status":"Paused","connections":0,"sessions":0,"served":0,"rejected":0}]}""";

        var view = (NodeListeners)Serializer().FromBinary(Encoding.UTF8.GetBytes(json), "node-listeners");

        Assert.Equal(ListenerStatus.Stopped, Assert.Single(view.Listeners).Status);
    }

    [Fact]
    public void Nothing_on_the_wire_names_a_dotnet_type()
    {
        var bytes = Serializer().ToBinary(new ListenerDrained("api", new DrainResult(DrainOutcome.Drained, 1, 0, TimeSpan.FromSeconds(1))));

        var text = Encoding.UTF8.GetString(bytes);
        Assert.DoesNotContain("$type", text);
        Assert.DoesNotContain("ActorRecorder", text);
    }

    private ClusterMessageSerializer Serializer() => Assert.IsType<ClusterMessageSerializer>(Sys.Serialization.FindSerializerForType(typeof(StopListener)));

    private object RoundTrip(object message)
    {
        var serializer = Assert.IsType<ClusterMessageSerializer>(Sys.Serialization.FindSerializerFor(message));
        var manifest = serializer.Manifest(message);
        return serializer.FromBinary(serializer.ToBinary(message), manifest);
    }
}
