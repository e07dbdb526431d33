using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QuestMesh.Contracts;
using QuestMesh.Generator.Search;
using QuestMesh.Python;
using QuestMesh.Python.Harness;
using QuestMesh.Python.Workspaces;

namespace QuestMesh.Generator.Strategies;

/// <summary>The offline strategy: the harness's <c>explore</c> search in a workspace copy of the project (DESIGN.md §7).</summary>
public sealed class SearchStrategy(
    WorkspaceProvider workspaces,
    HarnessClient harness,
    IOptions<GeneratorOptions> options,
    ILogger<SearchStrategy> logger) : ITestGenerationStrategy
{
    public string Name => StrategyNames.Search;

    public async Task<GenerationResult> GenerateAsync(GenerationRequest request, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        Workspace workspace;
        try
        {
            workspace = await workspaces.CreateAsync(request.Source, cancellationToken);
        }
        catch (WorkspaceException error)
        {
            return GenerationResult.Failed(Name, $"The project could not be prepared: {error.Message}");
        }

        using (workspace)
        {
            var targetFile = ProjectPaths.Normalize(request.TargetFile);
            var targetCode = ReadTarget(workspace, targetFile, out var missing);
            if (targetCode is null)
                return GenerationResult.Failed(Name, missing!);

            var testFile = request.ExistingSuite is { } suite
                ? ProjectPaths.Normalize(suite.FileName)
                : TestFileLocator.For(workspace.Directory, targetFile);
            var explore = ExploreRequest.For(workspace.Directory, targetFile, testFile, request.Settings,
                request.Attempt, request.ExistingSuite, request.Critique);
            var limit = TimeSpan.FromSeconds(request.Settings.SearchBudgetSeconds + options.Value.SearchGraceSeconds);

            ExploreReply reply;
            try
            {
                reply = await harness.RunAsync<ExploreReply>("explore", explore, workspace.Directory, limit, cancellationToken);
            }
            catch (HarnessException error)
            {
                logger.LogWarning("Run {RunId} attempt {Attempt}: search failed: {Reason}", request.RunId, request.Attempt, error.Message);
                return GenerationResult.Failed(Name, Explain(error, targetFile, limit), targetCode);
            }

            var context = reply.Context?.ToJsonString();
            if (string.IsNullOrWhiteSpace(reply.TestSource))
                return GenerationResult.Failed(Name, NoTests(reply, targetFile), targetCode, context);
            logger.LogInformation("Run {RunId} attempt {Attempt}: search wrote {Tests} tests ({NewTests} new) after {Calls} calls",
                request.RunId, request.Attempt, reply.Tests, reply.NewTests, reply.Calls);
            foreach (var skipped in reply.Skipped)
                logger.LogWarning("Run {RunId} attempt {Attempt}: search skipped {Target} at {Stage}: {ErrorType}: {Message} ({Location})",
                    request.RunId, request.Attempt, skipped.Target, skipped.Stage, skipped.ErrorType, skipped.Message, skipped.Location);
            return new GenerationResult
            {
                Suite = new TestSuite(testFile, reply.TestSource),
                ContextJson = context,
                TargetCode = targetCode,
                Metadata = new LlmMetadata
                {
                    Strategy = Name, LlmDurationSeconds = stopwatch.Elapsed.TotalSeconds, SkippedTargets = reply.Skipped,
                },
            };
        }
    }

    private static string? ReadTarget(Workspace workspace, string targetFile, out string? problem)
    {
        problem = null;
        try
        {
            return File.ReadAllText(ProjectPaths.Resolve(workspace.Directory, targetFile));
        }
        catch (WorkspaceException error)
        {
            problem = $"The target file is not usable: {error.Message}";
        }
        catch (Exception error) when (error is FileNotFoundException or DirectoryNotFoundException)
        {
            problem = $"The target file '{targetFile}' is not in the project; give its path relative to the project root.";
        }
        return null;
    }

    private static string NoTests(ExploreReply reply, string targetFile) => reply.ImportError is { Length: > 0 } importError
        ? $"The target '{targetFile}' cannot be imported, so the search cannot call it: {importError}. " +
          "Fix the module or make its dependencies importable from the project root, then submit again."
        : $"The offline search wrote no test module for '{targetFile}'.";

    private static string Explain(HarnessException error, string targetFile, TimeSpan limit) => error switch
    {
        { TimedOut: true } =>
            $"The offline search on '{targetFile}' did not finish within {limit.TotalSeconds:0} s and was stopped; " +
            "the module may loop or block when its functions are called. Lower the run's SearchBudgetSeconds or raise Generator:SearchGraceSeconds.",
        { BadRequest: true } => $"The offline search cannot work on '{targetFile}': {error.Message}",
        _ => $"The offline search on '{targetFile}' crashed: {error.Message}",
    };
}
