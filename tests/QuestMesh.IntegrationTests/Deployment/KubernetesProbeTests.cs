using System.Net;
using QuestMesh.IntegrationTests.Support;

namespace QuestMesh.IntegrationTests.Deployment;

/// <summary>
/// The probes of deploy/k8s asked of the services themselves: each Deployment's host (found through the
/// image docker-compose.yml builds for it) started as a process on the test's broker and database, and
/// every startup, liveness and readiness path of its manifest must answer 200 once it is up.
/// </summary>
[Collection(InfrastructureCollection.Name)]
public class KubernetesProbeTests(InfrastructureFixture infrastructure)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(2);
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };

    [Fact]
    public async Task Every_probe_path_answers_200_from_the_service_it_is_set_on()
    {
        var broker = await infrastructure.CreateVirtualHostAsync();
        var database = await infrastructure.CreateDatabaseAsync();
        var images = DeploymentFiles.ComposeImages();
        var deployments = Manifests.Load(Path.Combine(DeploymentFiles.KubernetesFolder, "base")).Where(m => m.Kind == "Deployment").ToList();
        var scratch = Directory.CreateTempSubdirectory("questmesh-it-probes-");
        var processes = new List<ServiceProcess>();
        try
        {
            // The orchestrator first: it migrates the database and is the gateway's destination.
            foreach (var deployment in deployments.OrderBy(d => d.Name == "questmesh-orchestrator" ? 0 : 1))
            {
                var container = KubernetesManifestTests.Containers(deployment).Single();
                var imageName = container.Text("image")![..container.Text("image")!.LastIndexOf(':')];
                var image = images.Single(i => i.Name == imageName);
                var settings = broker.Settings();
                settings["Persistence:Provider"] = "PostgreSql";
                settings["Persistence:ConnectionString"] = database;
                settings["Python:WorkRoot"] = Path.Combine(scratch.FullName, image.Service);
                settings["Logging:Console:Format"] = "text";
                settings["Gateway:ApiKeys:0:Key"] = "probe-test-key-0123456789";
                settings["Gateway:ApiKeys:0:Tenant"] = "probes";
                if (processes.Count > 0)
                    settings["ReverseProxy:Clusters:orchestrator:Destinations:primary:Address"] = processes[0].Address.ToString();
                var process = ServiceProcess.Start(deployment.Name, RepositoryLayout.BuiltAssembly(image.Project, image.App), settings);
                processes.Add(process);
                if (processes.Count == 1)
                    await process.WaitReadyAsync(Deadline);
            }

            await Task.WhenAll(deployments.Zip(processes).Select(pair => ProbesAnswerAsync(pair.First, pair.Second)));
        }
        finally
        {
            await Task.WhenAll(processes.Select(p => p.DisposeAsync().AsTask()));
            scratch.Delete(recursive: true);
        }
    }

    private static async Task ProbesAnswerAsync(Manifest deployment, ServiceProcess process)
    {
        var container = KubernetesManifestTests.Containers(deployment).Single();
        foreach (var probe in new[] { "startupProbe", "livenessProbe", "readinessProbe" })
        {
            var path = container.Text(probe, "httpGet", "path");
            path.ShouldNotBeNull($"{deployment} has no {probe}");
            HttpStatusCode? last = null;
            await Poll.UntilAsync(async () =>
            {
                if (process.HasExited)
                    throw new InvalidOperationException($"{process.Name} exited with {process.ExitCode}:\n{process.Tail()}");
                try
                {
                    using var response = await Http.GetAsync(new Uri(process.Address, path));
                    last = response.StatusCode;
                    if (response.StatusCode == HttpStatusCode.NotFound)
                        throw new InvalidOperationException($"{deployment.Name} does not serve its {probe} path {path} (404)");
                    return response.StatusCode == HttpStatusCode.OK;
                }
                catch (Exception error) when (error is HttpRequestException or TaskCanceledException)
                {
                    return false;
                }
            }, Deadline, () => $"{deployment.Name} {probe} {path} answering 200 (last: {last})\n{process.Tail()}");
        }
    }
}
