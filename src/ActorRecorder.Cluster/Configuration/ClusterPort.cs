using System.Net;
using System.Net.Sockets;
using Akka.Remote;

namespace ActorRecorder.Cluster;

/// <summary>
/// Refuses a fixed remoting port that another process listens on. Akka.Remote binds with .NET's ReuseAddress, which on
/// Linux is SO_REUSEPORT too: a second node on the same port would bind beside the first, share its connections, and
/// claim the same address, with no error.
/// </summary>
internal static class ClusterPort
{
    private const int SolSocket = 1;
    private const int SoReuseAddr = 2;

    /// <summary>Throws when a process listens on <paramref name="options"/>' fixed port; an ephemeral port (0) is always free.</summary>
    /// <exception cref="RemoteTransportException">The port is taken; the message names the address and the port.</exception>
    public static void EnsureFree(ActorRecorderClusterOptions options)
    {
        if (options.Port == 0 || !OperatingSystem.IsLinux()) return;
        var addresses = IPAddress.TryParse(options.Hostname, out var address) ? [address] : Dns.GetHostAddresses(options.Hostname);
        foreach (var ip in addresses)
        {
            using var probe = new Socket(ip.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            // SO_REUSEADDR alone, as a restarted node's own bind: the old connections' TIME_WAIT does not count, a listener does.
            probe.SetRawSocketOption(SolSocket, SoReuseAddr, BitConverter.GetBytes(1));
            try
            {
                probe.Bind(new IPEndPoint(ip, options.Port));
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
            {
                throw new RemoteTransportException(
                    $"The cluster port {ip}:{options.Port} ({ActorRecorderClusterOptions.ConfigPath}.port) is in use by another process, perhaps another node: choose another port, or 0 for a free one.", e);
            }
        }
    }
}
