using System.Net;
using System.Net.Sockets;

namespace QuestMesh.Gateway.Tests;

/// <summary>
/// The gateway is ready only while the orchestrator behind it is: a gateway whose only backend has never
/// answered its probe would take traffic it can only fail.
/// </summary>
public sealed class ReadinessTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Ready_answers_503_while_the_orchestrator_has_never_answered()
    {
        using var gateway = new GatewayFactory($"http://127.0.0.1:{ClosedPort()}/");
        var client = gateway.CreateClient();

        var first = await client.GetAsync("/health/ready");
        first.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable, await first.Content.ReadAsStringAsync());

        // Probes every second (GatewayFactory) go on failing: it stays unready, while the process stays live.
        var probed = await ReadyAsync(client, HttpStatusCode.OK, TimeSpan.FromSeconds(3));
        probed.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await client.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Ready_turns_200_once_the_orchestrator_answers()
    {
        var port = ClosedPort();
        using var gateway = new GatewayFactory($"http://127.0.0.1:{port}/");
        var client = gateway.CreateClient();
        (await client.GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);

        await using var backend = await RecordingBackend.StartAsync(port);

        var response = await ReadyAsync(client, HttpStatusCode.OK);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Asks <c>/health/ready</c> until it answers <paramref name="awaited"/> or the time is up; the last answer.</summary>
    public static async Task<HttpResponseMessage> ReadyAsync(HttpClient client, HttpStatusCode awaited, TimeSpan? within = null)
    {
        var until = DateTime.UtcNow + (within ?? Deadline);
        HttpResponseMessage response;
        do
        {
            response = await client.GetAsync("/health/ready");
            if (response.StatusCode == awaited)
                break;
            await Task.Delay(100);
        } while (DateTime.UtcNow < until);
        return response;
    }

    /// <summary>A loopback port nothing listens on (taken and given back at once).</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
