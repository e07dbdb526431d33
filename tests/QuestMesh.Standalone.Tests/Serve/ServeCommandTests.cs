using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using QuestMesh.Standalone.Cli;
using QuestMesh.Tests.Shared.Api;

namespace QuestMesh.Standalone.Tests.Serve;

/// <summary><c>questmesh serve</c> as a person runs it: its help, a bad address, and the real process stopped by Ctrl-C.</summary>
public sealed partial class ServeCommandTests
{
    [Fact]
    public async Task Help_explains_the_api_to_a_stranger()
    {
        var result = await Hostile.QuestMeshProcess.RunAsync(new Dictionary<string, string>(), TimeSpan.FromSeconds(60), "serve", "--help");
        var help = result.Output;

        result.ExitCode.ShouldBe(0, help);
        help.ShouldContain("--urls");
        help.ShouldContain("POST /api/runs");
        help.ShouldContain("/openapi/v1.json");
        help.ShouldContain("/dashboard/");
        help.ShouldContain("Ctrl-C");
    }

    [Theory]
    [InlineData("ftp://127.0.0.1:5080")]
    [InlineData("127.0.0.1:5080")]
    [InlineData("http://127.0.0.1:5080/api")]
    [InlineData(";")]
    public async Task Should_refuse_an_address_it_cannot_listen_on(string urls)
    {
        await CliRun.ShouldBeRefused("--urls", "serve", "--urls", urls);
    }

    [Fact]
    public async Task Should_refuse_an_address_that_is_taken()
    {
        using var taken = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var line = await CliRun.ShouldBeRefused("cannot listen", "serve", "--urls", $"http://127.0.0.1:{port}");

        line.ShouldContain($"127.0.0.1:{port}");
    }

    [Fact]
    public async Task Should_serve_until_ctrl_c_then_stop_cleanly()
    {
        var artifacts = Directory.CreateTempSubdirectory("questmesh-serve-process-");
        try
        {
            // Started as a terminal starts it: SIGINT at its default, even when this test runs in the background.
            var info = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in new[]
                     {
                         "-c", "import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); os.execvp(sys.argv[1], sys.argv[1:])",
                         "dotnet", Path.Combine(AppContext.BaseDirectory, "questmesh.dll"), "serve", "--urls", "http://127.0.0.1:0",
                     })
                info.ArgumentList.Add(argument);
            info.Environment["QUESTMESH_Orchestrator__ArtifactsRoot"] = artifacts.FullName;
            info.Environment["NO_COLOR"] = "1";
            using var process = Process.Start(info)!;
            var output = new StringBuilder();
            var errors = process.StandardError.ReadToEndAsync();
            try
            {
                var address = await ListeningAddressAsync(process, output, TimeSpan.FromSeconds(90));
                using var client = new HttpClient { BaseAddress = new Uri(address) };

                (await client.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
                (await client.GetAsync("/dashboard/")).StatusCode.ShouldBe(HttpStatusCode.OK);
                output.ToString().ShouldContain($"dashboard {address}/dashboard/");
                using (var bad = await client.PostAsync("/api/runs", ApiSamples.Json("{\"source\":")))
                    await bad.ShouldBeProblemAsync(HttpStatusCode.BadRequest, fieldErrors: true);

                using (var interrupt = Process.Start("kill", ["-INT", process.Id.ToString()]))
                    await interrupt.WaitForExitAsync();
                using var exit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                await process.WaitForExitAsync(exit.Token);
                output.Append(await process.StandardOutput.ReadToEndAsync());

                process.ExitCode.ShouldBe(0, $"{output}\n{await errors}");
                output.ToString().ShouldContain("questmesh: stopped");
            }
            finally
            {
                if (!process.HasExited)
                    process.Kill(entireProcessTree: true);
            }
        }
        finally
        {
            artifacts.Delete(recursive: true);
        }
    }

    private static async Task<string> ListeningAddressAsync(Process process, StringBuilder output, TimeSpan deadline)
    {
        using var timeout = new CancellationTokenSource(deadline);
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            output.AppendLine(line);
            if (Listening().Match(line) is { Success: true } match)
                return match.Groups[1].Value;
        }
        throw new InvalidOperationException($"questmesh serve ended before it listened:\n{output}");
    }

    [GeneratedRegex(@"listening on (http://127\.0\.0\.1:\d+)")]
    private static partial Regex Listening();
}
