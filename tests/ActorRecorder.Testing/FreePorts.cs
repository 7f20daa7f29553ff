using System.Net;
using System.Net.Sockets;

namespace ActorRecorder.Testing;

/// <summary>Loopback ports free a moment ago, for a spec that must name a port before something binds it.</summary>
public static class FreePorts
{
    /// <summary>One free port.</summary>
    public static int One() => Take(1)[0];

    /// <summary><paramref name="count"/> distinct free ports: each is held until all are chosen, so no two are the same.</summary>
    public static int[] Take(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToArray();
        try
        {
            foreach (var listener in listeners) listener.Start();
            return listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
        }
        finally
        {
            foreach (var listener in listeners) listener.Stop();
        }
    }
}
