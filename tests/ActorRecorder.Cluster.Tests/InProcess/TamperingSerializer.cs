using System.Text;
using Akka.Actor;
using Akka.Serialization;

namespace ActorRecorder.Cluster.Tests.InProcess;

/// <summary>
/// Stands in for <see cref="ClusterMessageSerializer"/> on a sending node, under its name and identifier: it sends
/// <see cref="StopListener"/> as corrupt JSON and <see cref="DrainNode"/> under a manifest no node knows, and every
/// other message as the real serializer does. What a buggy or hostile peer, or another version, would put on the wire.
/// </summary>
public sealed class TamperingSerializer(ExtendedActorSystem system) : SerializerWithStringManifest(system)
{
    private readonly ClusterMessageSerializer _real = new(system);

    public override int Identifier => ClusterMessageSerializer.SerializerId;

    public override string Manifest(object o) => o switch
    {
        DrainNode => "from-the-future",
        _ => _real.Manifest(o),
    };

    public override byte[] ToBinary(object obj) => obj switch
    {
        StopListener => Encoding.UTF8.GetBytes("{\"name\": \"api\", tru"),
        DrainNode => "{}"u8.ToArray(),
        _ => _real.ToBinary(obj),
    };

    public override object FromBinary(byte[] bytes, string manifest) => _real.FromBinary(bytes, manifest);
}
