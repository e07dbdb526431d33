using System.Diagnostics;
using System.Text;

namespace QuestMesh.Standalone.Tests.Hostile;

/// <summary>
/// <c>questmesh run</c> as a real process, the way a service runs: with a secret in its own environment,
/// its work folder under a root the test watches, and bubblewrap required.
/// </summary>
public static class QuestMeshProcess
{
    public sealed record Result(int ExitCode, string Output, bool TimedOut);

    public static async Task<Result> RunAsync(IReadOnlyDictionary<string, string> environment, TimeSpan limit, params string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "questmesh.dll"));
        foreach (var argument in arguments)
            info.ArgumentList.Add(argument);
        info.Environment["QUESTMESH_Sandbox__Mode"] = "bubblewrap";
        info.Environment["NO_COLOR"] = "1";
        foreach (var (name, value) in environment)
            info.Environment[name] = value;

        using var process = Process.Start(info)!;
        var output = new StringBuilder();
        var reading = Task.WhenAll(Pump(process.StandardOutput, output), Pump(process.StandardError, output));
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            await reading;
            return new Result(-1, output.ToString(), TimedOut: true);
        }
        await reading;
        return new Result(process.ExitCode, output.ToString(), TimedOut: false);
    }

    private static async Task Pump(StreamReader reader, StringBuilder output)
    {
        var buffer = new char[4096];
        int read;
        while ((read = await reader.ReadAsync(buffer)) > 0)
        {
            lock (output)
                output.Append(buffer, 0, read);
        }
    }
}
