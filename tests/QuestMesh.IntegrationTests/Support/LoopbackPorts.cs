using System.Net;
using System.Net.Sockets;

namespace QuestMesh.IntegrationTests.Support;

public static class LoopbackPorts
{
    /// <summary>A port nothing listens on at this moment, for a process or a container to bind next.</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
