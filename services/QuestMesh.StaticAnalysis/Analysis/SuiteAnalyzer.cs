using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QuestMesh.Contracts;
using QuestMesh.Python;
using QuestMesh.Python.Harness;

namespace QuestMesh.StaticAnalysis.Analysis;

/// <summary>
/// Static facts about a suite from the harness's <c>static</c> command: size, complexity, pyflakes, and the
/// linters switched on (pylint, mypy, flake8 with mccabe), each run by the harness on the suite's text alone.
/// </summary>
public sealed class SuiteAnalyzer(
    HarnessClient harness,
    IOptions<StaticAnalysisOptions> options,
    ILogger<SuiteAnalyzer> logger)
{
    public async Task<StaticReport> AnalyzeAsync(AnalyzeTests command, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var linters = new StaticLinters(settings.Pylint, settings.Mypy, settings.LinterTimeoutSeconds, settings.Flake8,
            settings.MaxLineLength, settings.MaxComplexity);
        try
        {
            var reply = await harness.StaticAsync(command.Suite.Source, command.TargetFile, linters, cancellationToken);
            return StaticReports.From(reply, command.Suite.FileName);
        }
        catch (HarnessException error)
        {
            logger.LogWarning("Run {RunId} attempt {Attempt}: static analysis failed: {Reason}", command.RunId, command.Attempt, error.Message);
            return StaticReports.Unanalysed(error.Message, command.Suite.Source);
        }
    }
}
