using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using QuestMesh.Tests.Shared.Api;

namespace QuestMesh.Standalone.Tests.Dashboard;

/// <summary>
/// The real gateway (<c>dotnet questmesh-gateway.dll</c>, from the same build as this project) as a process on
/// a free loopback port, in front of <paramref name="orchestrator"/>, with one API key for one tenant.
/// Disposing kills it (by its own process id).
/// </summary>
public sealed class GatewayProcess : IAsyncDisposable
{
    private static readonly TimeSpan ReadyWithin = TimeSpan.FromSeconds(60);
    private readonly Process _process;
    private readonly List<string> _output = [];

    private GatewayProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<GatewayProcess> StartAsync(Uri orchestrator, string key, string tenant)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.ArgumentList.Add(GatewayAssembly());
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(address.ToString().TrimEnd('/'));
        start.Environment["QUESTMESH_Gateway__ApiKeys__0__Key"] = key;
        start.Environment["QUESTMESH_Gateway__ApiKeys__0__Tenant"] = tenant;
        start.Environment["QUESTMESH_ReverseProxy__Clusters__orchestrator__Destinations__primary__Address"] = orchestrator.ToString();
        start.Environment["QUESTMESH_ReverseProxy__Clusters__orchestrator__HealthCheck__Active__Interval"] = "00:00:01";

        var gateway = new GatewayProcess(new Process { StartInfo = start }, address);
        gateway._process.OutputDataReceived += (_, e) => gateway.Keep(e.Data);
        gateway._process.ErrorDataReceived += (_, e) => gateway.Keep(e.Data);
        gateway._process.Start();
        gateway._process.BeginOutputReadLine();
        gateway._process.BeginErrorReadLine();
        await gateway.WaitReadyAsync();
        return gateway;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    /// <summary>Ready means the orchestrator behind it answered the gateway's probe too.</summary>
    private async Task WaitReadyAsync()
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var until = DateTime.UtcNow + ReadyWithin;
        while (DateTime.UtcNow < until && !_process.HasExited)
        {
            try
            {
                using var response = await http.GetAsync("/health/ready");
                if (response.StatusCode == HttpStatusCode.OK)
                    return;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            await Task.Delay(200);
        }
        string output;
        lock (_output)
            output = string.Join('\n', _output.TakeLast(40));
        throw new TimeoutException($"the gateway at {Address} was not ready within {ReadyWithin}:\n{output}");
    }

    private void Keep(string? line)
    {
        if (line is null)
            return;
        lock (_output)
            _output.Add(line);
    }

    /// <summary>questmesh-gateway.dll of the same build: gateway/QuestMesh.Gateway/bin/&lt;configuration&gt;/net10.0.</summary>
    private static string GatewayAssembly()
    {
        var root = ApiSamples.RepositoryRoot();
        var layout = Path.GetRelativePath(Path.Combine(root, "tests", "QuestMesh.Standalone.Tests"), AppContext.BaseDirectory);
        var path = Path.GetFullPath(Path.Combine(root, "gateway", "QuestMesh.Gateway", layout, "questmesh-gateway.dll"));
        return File.Exists(path) ? path : throw new FileNotFoundException($"{path} does not exist: build the solution first (./quest build).", path);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
