using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QuestMesh.Contracts;
using QuestMesh.Python;
using QuestMesh.Python.Harness;

namespace QuestMesh.StaticAnalysis.Analysis;

/// <summary>
/// Static facts about a suite: the harness's <c>static</c> command (size, complexity, pyflakes) and,
/// when installed, flake8. Only the suite's text is needed, so no workspace is made.
/// </summary>
public sealed class SuiteAnalyzer(
    HarnessClient harness,
    Flake8Linter flake8,
    IOptions<StaticAnalysisOptions> options,
    ILogger<SuiteAnalyzer> logger)
{
    private const string DefaultFileName = "test_suite.py";

    public async Task<StaticReport> AnalyzeAsync(AnalyzeTests command, CancellationToken cancellationToken)
    {
        var directory = Directory.CreateTempSubdirectory("questmesh-static-").FullName;
        try
        {
            var fileName = SafeFileName(command.Suite.FileName);
            await File.WriteAllTextAsync(Path.Combine(directory, fileName), command.Suite.Source, cancellationToken);

            var linting = options.Value.Flake8
                ? flake8.RunAsync(directory, fileName, cancellationToken)
                : Task.FromResult(Flake8Output.Unavailable("disabled by StaticAnalysis:Flake8", null));
            var analysing = RunHarnessAsync(command, directory, cancellationToken);
            // Both finish before the folder they read goes away, even when one of them throws.
            await Task.WhenAll(linting, analysing);

            var extra = new Dictionary<string, LinterResult> { [Flake8Linter.Name] = linting.Result };
            var (reply, failure) = analysing.Result;
            return reply is not null
                ? StaticReports.From(reply, extra, command.Suite.FileName)
                : StaticReports.Unanalysed(failure ?? "no reply", command.Suite.Source, extra);
        }
        finally
        {
            TryDelete(directory);
        }
    }

    private async Task<(StaticReply? Reply, string? Failure)> RunHarnessAsync(AnalyzeTests command, string directory,
        CancellationToken cancellationToken)
    {
        var settings = options.Value;
        try
        {
            return (await harness.StaticAsync(command.Suite.Source, command.TargetFile,
                new StaticLinters(settings.Pylint, settings.Mypy, settings.LinterTimeoutSeconds), cancellationToken), null);
        }
        catch (HarnessException error)
        {
            logger.LogWarning("Run {RunId} attempt {Attempt}: static analysis failed: {Reason}", command.RunId, command.Attempt, error.Message);
            return (null, error.Message);
        }
    }

    /// <summary>Only the file name matters to the linters (module name in messages); never a path that could climb out.</summary>
    internal static string SafeFileName(string suiteFileName)
    {
        var name = Path.GetFileName(suiteFileName.Replace('\\', '/'));
        return name.EndsWith(".py", StringComparison.Ordinal) && name.Length > 3 && !name.StartsWith('.') ? name : DefaultFileName;
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
