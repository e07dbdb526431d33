using System.Diagnostics;
using System.Net;
using YamlDotNet.RepresentationModel;

namespace QuestMesh.IntegrationTests.Support;

/// <summary>
/// The repository's docker-compose.yml brought up for real, as a project of its own: every host
/// published from the solution build into the folder its image takes it from, the images built by
/// <c>docker-compose build</c> on <see cref="InfrastructureSettings.DotnetImage"/>, then <c>up -d</c>
/// with .env.example's settings and the test's own API key, passwords, port and broker and database
/// images. Disposing runs <c>down -v</c> and removes the project's images whatever happened; the
/// project a killed test run of this checkout left behind (its name is kept in
/// artifacts/docker/compose-test.project until then) is removed before the next one starts.
/// </summary>
public sealed class ComposeProject : IAsyncDisposable
{
    private const string ProjectPrefix = "questmesh-it-";
    private const string Docker = "/usr/bin/docker";
    private const string DockerCompose = "docker-compose";
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan UpTimeout = TimeSpan.FromMinutes(5);

    private static readonly string LastProjectFile = Path.Combine(RepositoryLayout.Root, "artifacts", "docker", "compose-test.project");

    private readonly string _name = ProjectPrefix + Guid.NewGuid().ToString("N")[..8];
    private readonly string _folder = Directory.CreateTempSubdirectory("questmesh-it-compose-").FullName;
    private readonly string _settingsFile;
    private readonly Dictionary<string, string> _environment;
    private readonly Action<string> _log;

    private ComposeProject(InfrastructureSettings settings, Action<string> log)
    {
        _log = log;
        ApiKey = "qm-it-" + Guid.NewGuid().ToString("N");
        var port = LoopbackPorts.Free();
        Gateway = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
        Gateway.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);

        _settingsFile = Path.Combine(_folder, "compose.env");
        File.WriteAllText(_settingsFile, File.ReadAllText(Path.Combine(RepositoryLayout.Root, ".env.example")) + $"""

            QUESTMESH_PORT={port}
            QUESTMESH_API_KEY={ApiKey}
            RABBITMQ_PASSWORD={Guid.NewGuid():N}
            POSTGRES_PASSWORD={Guid.NewGuid():N}
            RABBITMQ_IMAGE={settings.RabbitMqImage}
            POSTGRES_IMAGE={settings.PostgresImage}
            BASE_IMAGE={settings.DotnetImage}
            APP_SOURCE=published
            BUILD_NETWORK=host
            QUESTMESH_TAG={_name}

            """);
        _environment = new Dictionary<string, string>
        {
            ["COMPOSE_PROJECT_NAME"] = _name,
            ["COMPOSE_FILE"] = Path.Combine(RepositoryLayout.Root, "docker-compose.yml"),
            // docker-compose builds with the docker command line: BuildKit, and the engine's own client first.
            ["DOCKER_BUILDKIT"] = "1",
            ["COMPOSE_DOCKER_CLI_BUILD"] = "1",
            ["PATH"] = "/usr/bin:/bin:" + Environment.GetEnvironmentVariable("PATH"),
        };
    }

    public string ApiKey { get; }

    /// <summary>The gateway's published port, with the project's API key on every request.</summary>
    public HttpClient Gateway { get; }

    /// <param name="log">Where each phase says how long it took.</param>
    public static async Task<ComposeProject> UpAsync(InfrastructureSettings settings, Action<string> log)
    {
        if (File.Exists(LastProjectFile))
            await RemoveLeftoversAsync(File.ReadAllText(LastProjectFile).Trim());
        var project = new ComposeProject(settings, log);
        Directory.CreateDirectory(Path.GetDirectoryName(LastProjectFile)!);
        File.WriteAllText(LastProjectFile, project._name);
        try
        {
            await project.TimedAsync("published the hosts", project.PublishHostsAsync);
            await project.TimedAsync("built the images", () => project.ComposeAsync(BuildTimeout, "build"));
            await project.TimedAsync("started the services (up -d)", () => project.ComposeAsync(UpTimeout, "up", "-d"));
            await project.TimedAsync("the gateway is ready", project.WaitForGatewayAsync);
        }
        catch (Exception error)
        {
            var logs = await project.LogsAsync();
            await project.DisposeAsync();
            throw new InvalidOperationException($"docker-compose.yml did not come up: {error.Message}\n{logs}", error);
        }
        return project;
    }

    /// <summary>The ids of the running containers of <paramref name="service"/>.</summary>
    public async Task<IReadOnlyList<string>> ContainersAsync(string service) =>
        Lines(await ComposeAsync(TimeSpan.FromMinutes(1), "ps", "-q", service));

    /// <summary>The last lines every service (or <paramref name="service"/>) wrote, for a check or a failure message.</summary>
    public async Task<string> LogsAsync(string? service = null, int tail = 40)
    {
        List<string> arguments = ["--env-file", _settingsFile, "logs", "--no-color", "--tail", $"{tail}"];
        if (service is not null)
            arguments.Add(service);
        var result = await Commands.RunAsync(DockerCompose, arguments, TimeSpan.FromMinutes(1), _environment);
        return result.Output;
    }

    /// <summary>What <paramref name="command"/> prints in the first container of <paramref name="service"/>.</summary>
    public Task<string> ExecAsync(string service, params string[] command) =>
        ComposeAsync(TimeSpan.FromMinutes(1), ["exec", "-T", service, .. command]);

    public async ValueTask DisposeAsync()
    {
        Gateway.Dispose();
        try
        {
            await TimedAsync("down -v", () => ComposeAsync(TimeSpan.FromMinutes(3), "down", "-v", "--remove-orphans", "--timeout", "30"));
            await RemoveImagesAsync(_name);
            File.Delete(LastProjectFile);
        }
        finally
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    /// <summary>
    /// Each image's host published (framework-dependent, from the solution build) where its build
    /// arguments say: <c>PROJECT</c> into <c>PUBLISHED</c>, read from the file as docker-compose reads it.
    /// </summary>
    private async Task PublishHostsAsync()
    {
        var config = new YamlStream();
        config.Load(new StringReader(await ComposeAsync(TimeSpan.FromMinutes(1), "config")));
        var services = (YamlMappingNode)((YamlMappingNode)config.Documents[0].RootNode)["services"];
        foreach (var (_, service) in services.Children)
        {
            if (!((YamlMappingNode)service).Children.TryGetValue("build", out var build))
                continue;
            var args = (YamlMappingNode)((YamlMappingNode)build)["args"];
            var output = Path.Combine(RepositoryLayout.Root, args["PUBLISHED"].ToString());
            if (Directory.Exists(output))
                Directory.Delete(output, recursive: true);
            await Commands.RunCheckedAsync("dotnet",
                ["publish", Path.Combine(RepositoryLayout.Root, args["PROJECT"].ToString()), "-c", RepositoryLayout.Configuration,
                 "--no-build", "-o", output, "-nologo", "-v", "quiet"],
                TimeSpan.FromMinutes(3));
        }
    }

    private async Task WaitForGatewayAsync()
    {
        await Poll.UntilAsync(async () =>
        {
            try
            {
                using var response = await Gateway.GetAsync("/health/ready");
                return response.StatusCode == HttpStatusCode.OK;
            }
            catch (Exception error) when (error is HttpRequestException or TaskCanceledException)
            {
                return false;
            }
        }, TimeSpan.FromMinutes(2), () => $"the gateway ready at {Gateway.BaseAddress}health/ready");
    }

    private async Task TimedAsync(string what, Func<Task> step)
    {
        var clock = Stopwatch.StartNew();
        await step();
        _log($"{_name}: {what} in {clock.Elapsed.TotalSeconds:0.0} s");
    }

    private Task<string> ComposeAsync(TimeSpan timeout, params string[] arguments) =>
        Commands.RunCheckedAsync(DockerCompose, ["--env-file", _settingsFile, .. arguments], timeout, _environment);

    /// <summary>The images built for project <paramref name="name"/>: tagged with its name.</summary>
    private static async Task RemoveImagesAsync(string name)
    {
        var images = await Commands.RunCheckedAsync(Docker, ["images", "-q", "--filter", $"reference=questmesh/*:{name}"], TimeSpan.FromMinutes(1));
        var ids = Lines(images).Distinct().ToList();
        if (ids.Count > 0)
            await Commands.RunAsync(Docker, ["rmi", "-f", .. ids], TimeSpan.FromMinutes(1));
    }

    /// <summary>What project <paramref name="name"/> left when its test ended before <c>down</c>: containers, networks, volumes, images.</summary>
    private static async Task RemoveLeftoversAsync(string name)
    {
        var filter = $"label=com.docker.compose.project={name}";
        var containers = Lines(await Commands.RunCheckedAsync(Docker, ["ps", "-aq", "--filter", filter], TimeSpan.FromMinutes(1)));
        if (containers.Count > 0)
            await Commands.RunAsync(Docker, ["rm", "-f", "-v", .. containers], TimeSpan.FromMinutes(2));
        foreach (var kind in new[] { "network", "volume" })
        {
            foreach (var item in Lines(await Commands.RunCheckedAsync(Docker, [kind, "ls", "-q", "--filter", filter], TimeSpan.FromMinutes(1))))
                await Commands.RunAsync(Docker, [kind, "rm", item], TimeSpan.FromMinutes(1));
        }
        await RemoveImagesAsync(name);
    }

    private static List<string> Lines(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
