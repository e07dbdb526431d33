using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using QuestMesh.IntegrationTests.Support;
using QuestMesh.Orchestrator.Artifacts;

namespace QuestMesh.IntegrationTests.Samples;

/// <summary>
/// The publisher samples, run as the separate programs a user would run, submit a run to the services
/// over real RabbitMQ and hear its completion.
/// </summary>
[Collection(InfrastructureCollection.Name)]
public class PublisherSampleTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task The_python_publisher_submits_a_run_and_receives_its_completion()
    {
        await using var hosts = await ServiceHosts.StartAsync(infrastructure);
        var script = Path.Combine(Repository.Root, "samples", "publisher-python", "submit_run.py");

        var (exitCode, output) = await RunAsync("/usr/bin/python3",
            [script, "--project", Path.Combine(Repository.Root, "samples", "shop"), "--target-file", "shop/pricing.py",
             "--host", infrastructure.RabbitMqHost, "--port", infrastructure.RabbitMqPort.ToString(),
             "--user", infrastructure.RabbitMqUser, "--password", infrastructure.RabbitMqPassword,
             "--budget", "10", "--timeout", "300"]);

        exitCode.ShouldBe(0, output);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var submitted = JsonDocument.Parse(lines[0]).RootElement.GetProperty("submitted").GetString();
        var end = JsonDocument.Parse(lines[^1]).RootElement;
        end.GetProperty("runId").GetString().ShouldBe(submitted);
        end.GetProperty("end").GetString().ShouldBe("RunCompleted");
        end.GetProperty("coverage").GetDouble().ShouldBeGreaterThan(0);
        (await hosts.Orchestrator.GetRequiredService<IArtifactStore>().ListAsync(Guid.Parse(submitted!))).ShouldContain("run_summary.json");
    }

    [Fact]
    public async Task The_dotnet_publisher_submits_a_run_and_receives_its_completion()
    {
        await using var hosts = await ServiceHosts.StartAsync(infrastructure);
        var sample = Path.Combine(Repository.Root, "samples", "publisher-dotnet", "bin", Repository.Configuration, "net10.0",
            "questmesh-publisher-sample.dll");

        var (exitCode, output) = await RunAsync("dotnet",
            [sample, Path.Combine(Repository.Root, "samples", "shop"), "shop/pricing.py",
             infrastructure.RabbitMqHost, infrastructure.RabbitMqPort.ToString()],
            new() { ["RABBITMQ_USER"] = infrastructure.RabbitMqUser, ["RABBITMQ_PASSWORD"] = infrastructure.RabbitMqPassword });

        exitCode.ShouldBe(0, output);
        output.ShouldContain("completed ");
        output.ShouldContain("coverage=");
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string program, string[] arguments, Dictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment ?? [])
            start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(6));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} did not end within 6 minutes: {await stderr}");
        }
        return (process.ExitCode, await stdout + await stderr);
    }
}
