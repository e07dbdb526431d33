using System.Diagnostics;
using System.Text.Json;
using QuestMesh.IntegrationTests.Support;

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
        var broker = await infrastructure.CreateVirtualHostAsync();
        await using var hosts = await ServiceHosts.StartAsync(infrastructure, broker);
        var script = Path.Combine(RepositoryLayout.Root, "samples", "publisher-python", "submit_run.py");

        var (exitCode, output) = await RunAsync("/usr/bin/python3",
            [script, "--project", Path.Combine(RepositoryLayout.Root, "samples", "shop"), "--target-file", "shop/pricing.py",
             "--host", broker.Host, "--port", broker.Port.ToString(), "--vhost", broker.VirtualHost,
             "--user", broker.Username, "--password", broker.Password,
             "--budget", "10", "--timeout", "300"]);

        exitCode.ShouldBe(0, output);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var submitted = JsonDocument.Parse(lines[0]).RootElement.GetProperty("submitted").GetString();
        var end = JsonDocument.Parse(lines[^1]).RootElement;
        end.GetProperty("runId").GetString().ShouldBe(submitted);
        end.GetProperty("end").GetString().ShouldBe("RunCompleted");
        end.GetProperty("coverage").GetDouble().ShouldBeGreaterThan(0);
        (await hosts.Artifacts.ListAsync(Guid.Parse(submitted!))).ShouldContain("run_summary.json");
    }

    [Fact]
    public async Task The_dotnet_publisher_submits_a_run_and_receives_its_completion()
    {
        var broker = await infrastructure.CreateVirtualHostAsync();
        await using var hosts = await ServiceHosts.StartAsync(infrastructure, broker);
        var sample = RepositoryLayout.BuiltAssembly(Path.Combine("samples", "publisher-dotnet"), "questmesh-publisher-sample");

        var (exitCode, output) = await RunAsync("dotnet",
            [sample, Path.Combine(RepositoryLayout.Root, "samples", "shop"), "shop/pricing.py", broker.Host, broker.Port.ToString()],
            new()
            {
                ["RABBITMQ_USER"] = broker.Username, ["RABBITMQ_PASSWORD"] = broker.Password, ["RABBITMQ_VHOST"] = broker.VirtualHost,
            });

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
