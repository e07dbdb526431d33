using System.Diagnostics;
using QuestMesh.Standalone.Cli;
using QuestMesh.Tests.Shared.Api;

namespace QuestMesh.Standalone.Tests;

/// <summary>
/// questmesh as a user installs it: packed as a .NET tool from the solution build, installed from a
/// local folder feed into a fresh tool path (with a package cache of its own, so no earlier copy is
/// reused), then run on a copy of samples/shop from the installed command alone.
/// </summary>
public sealed class ToolPackageTests : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(5);
    private readonly string _root = Directory.CreateTempSubdirectory("qm-tool-").FullName;

    [Fact]
    public async Task The_packed_tool_installs_from_a_folder_feed_and_runs_the_sample_project()
    {
        var feed = Path.Combine(_root, "feed");
        var tools = Path.Combine(_root, "tools");
        var configuration = Path.GetRelativePath(Path.Combine(ApiSamples.RepositoryRoot(), "tests", "QuestMesh.Standalone.Tests"), AppContext.BaseDirectory)
            .Split(Path.DirectorySeparatorChar)[1];
        var nugetConfig = Path.Combine(_root, "nuget.config");
        File.WriteAllText(nugetConfig, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{feed}" />
              </packageSources>
            </configuration>
            """);
        var isolated = new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(_root, "packages") };

        await Checked("dotnet", ["pack", Path.Combine(ApiSamples.RepositoryRoot(), "services", "QuestMesh.Standalone"),
            "-c", configuration, "--no-build", "-o", feed, "-nologo"]);
        Directory.GetFiles(feed, "QuestMesh.*.nupkg").ShouldHaveSingleItem();
        await Checked("dotnet", ["tool", "install", "QuestMesh", "--tool-path", tools, "--configfile", nugetConfig], isolated);

        var project = Path.Combine(_root, "shop");
        CopyFolder(Path.Combine(ApiSamples.RepositoryRoot(), "samples", "shop"), project);
        var (code, output) = await RunAsync(Path.Combine(tools, "questmesh"),
            ["run", project, "--file", "shop/pricing.py", "--max-attempts", "1", "--budget", "5", "--max-mutants", "20",
             "--out", Path.Combine(_root, "out")], isolated);

        code.ShouldBeOneOf([ExitCodes.TargetsMet, ExitCodes.BelowTarget], output);
        output.ShouldContain("finished: ");
        File.Exists(Path.Combine(_root, "out", "final", "tests", "test_questmesh_pricing.py")).ShouldBeTrue(output);
        File.Exists(Path.Combine(_root, "out", "attempt_0.response.json")).ShouldBeTrue(output);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private async Task Checked(string program, string[] arguments, Dictionary<string, string>? environment = null)
    {
        var (code, output) = await RunAsync(program, arguments, environment);
        code.ShouldBe(0, $"{program} {string.Join(' ', arguments)}:\n{output}");
    }

    private async Task<(int Code, string Output)> RunAsync(string program, string[] arguments, Dictionary<string, string>? environment)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = _root,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment ?? [])
            start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(Bound);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} did not end within {Bound.TotalMinutes} minutes: {await stderr}");
        }
        return (process.ExitCode, await stdout + await stderr);
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var directory in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories).Prepend(from))
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, directory)));
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories).Where(f => !f.Contains("__pycache__")))
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
    }
}
