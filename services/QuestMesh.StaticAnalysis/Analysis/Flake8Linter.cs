using Microsoft.Extensions.Options;
using QuestMesh.Contracts;
using QuestMesh.Python;

namespace QuestMesh.StaticAnalysis.Analysis;

/// <summary>flake8 on one file, as an optional extra: a machine without it still analyses suites.</summary>
public sealed class Flake8Linter(PythonEnvironment python, ProcessRunner runner, IOptions<StaticAnalysisOptions> options)
{
    public const string Name = "flake8";

    public async Task<LinterResult> RunAsync(string directory, string fileName, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var timeout = TimeSpan.FromSeconds(settings.LinterTimeoutSeconds);
        var interpreter = await python.GetInterpreterAsync(cancellationToken);
        var home = Directory.CreateDirectory(Path.Combine(directory, ".home")).FullName;
        var result = await runner.RunAsync(new ProcessSpec
        {
            FileName = interpreter,
            // Isolated: a suite file named like a module (flake8.py, pyflakes.py) is never imported from the folder.
            Arguments = ["-I", "-m", "flake8", $"--max-line-length={settings.MaxLineLength}", $"--max-complexity={settings.MaxComplexity}", "--", fileName],
            WorkingDirectory = directory,
            Environment = PythonEnvironment.BaseEnvironment(home),
            Timeout = timeout,
            MaxOutputChars = 1_000_000,
        }, cancellationToken);
        return Flake8Output.Read(result, timeout);
    }
}
