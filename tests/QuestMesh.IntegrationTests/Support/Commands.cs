using System.Diagnostics;
using System.Text;

namespace QuestMesh.IntegrationTests.Support;

/// <summary>A command line run to its end with a time limit (the whole process tree is killed past it), its output kept.</summary>
public static class Commands
{
    public sealed record Result(int ExitCode, string Output);

    public static async Task<Result> RunAsync(string program, IEnumerable<string> arguments, TimeSpan timeout,
        IReadOnlyDictionary<string, string>? environment = null, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? RepositoryLayout.Root,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            start.Environment[name] = value;

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Keep(output, e.Data);
        process.ErrorDataReceived += (_, e) => Keep(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var limit = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Describe(program, start.ArgumentList)} did not end within {timeout.TotalSeconds:0} s:\n{Tail(output)}");
        }
        process.WaitForExit(); // the last lines of output
        return new Result(process.ExitCode, Tail(output, int.MaxValue));
    }

    /// <summary>As <see cref="RunAsync"/>, and a failure with its output when it exits other than 0.</summary>
    public static async Task<string> RunCheckedAsync(string program, IEnumerable<string> arguments, TimeSpan timeout,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var list = arguments.ToList();
        var result = await RunAsync(program, list, timeout, environment);
        if (result.ExitCode != 0)
            throw new InvalidOperationException($"{Describe(program, list)} exited with {result.ExitCode}:\n{Tail(result.Output)}");
        return result.Output;
    }

    private static void Keep(StringBuilder output, string? line)
    {
        if (line is null)
            return;
        lock (output)
            output.AppendLine(line);
    }

    private static string Tail(StringBuilder output, int lines = 60)
    {
        lock (output)
            return Tail(output.ToString(), lines);
    }

    private static string Tail(string text, int lines = 60) =>
        string.Join('\n', text.Split('\n').TakeLast(lines));

    private static string Describe(string program, IEnumerable<string> arguments) => $"{program} {string.Join(' ', arguments)}";
}
