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
        var (target, failure) = await PreparedTarget.PrepareAsync(workspaces, request, Name, cancellationToken);
        if (target is null)
            return failure!;

        using (target)
        {
            var (workspace, targetFile, targetCode, testFile) = (target.Workspace, target.TargetFile, target.TargetCode, target.TestFile);
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
                logger.LogDebug("Run {RunId} attempt {Attempt}: harness output: {Output}", request.RunId, request.Attempt, error.Output);
                return GenerationResult.Failed(Name, Explain(error, targetFile, limit), targetCode,
                    failureKind: error.BadRequest ? null : GenerationFailures.TargetMisbehaved) with
                {
                    Metadata = new LlmMetadata { Strategy = Name, FailureOutput = error.Output, LlmDurationSeconds = stopwatch.Elapsed.TotalSeconds },
                };
            }

            var context = reply.Context?.ToJsonString();
            if (string.IsNullOrWhiteSpace(reply.TestSource))
                return GenerationResult.Failed(Name, NoTests(reply, targetFile), targetCode, context,
                    reply.ImportError is { Length: > 0 } ? GenerationFailures.TargetNotImportable : null);
            logger.LogInformation("Run {RunId} attempt {Attempt}: search wrote {Tests} tests ({NewTests} new) after {Calls} calls",
                request.RunId, request.Attempt, reply.Tests, reply.NewTests, reply.Calls);
            foreach (var skipped in reply.Skipped)
                logger.LogWarning("Run {RunId} attempt {Attempt}: search skipped {Target} at {Stage}: {ErrorType}: {Message} ({Location})",
                    request.RunId, request.Attempt, skipped.Target, skipped.Stage, skipped.ErrorType, skipped.Message, skipped.Location);
            return new GenerationResult
            {
                Suite = new TestSuite(testFile, reply.TestSource),
                PossibleBugs = reply.PossibleBugs,
                ContextJson = context,
                TargetCode = targetCode,
                Metadata = new LlmMetadata
                {
                    Strategy = Name, LlmDurationSeconds = stopwatch.Elapsed.TotalSeconds, SkippedTargets = reply.Skipped,
                },
            };
        }
    }

    private static string NoTests(ExploreReply reply, string targetFile) => reply.ImportError is { Length: > 0 } importError
        ? $"The target '{targetFile}' cannot be imported, so the search cannot call it: {importError}. " +
          "Fix the module or make its dependencies importable from the project root, then submit again."
        : $"The offline search wrote no test module for '{targetFile}'.";

    private static string Explain(HarnessException error, string targetFile, TimeSpan limit) => error switch
    {
        { TimedOut: true } =>
            $"The target '{targetFile}' did not let the offline search finish within {limit.TotalSeconds:0} s: it may loop or block " +
            "while it is imported or when its functions are called. The process was stopped in the sandbox. If the module is only slow, " +
            "lower the run's SearchBudgetSeconds or raise Generator:SearchGraceSeconds.",
        { BadRequest: true } => $"The offline search cannot work on '{targetFile}': {error.Message}",
        _ => $"The target '{targetFile}' ended the sandboxed process that imports and calls it, without a result: it may exit or " +
             $"kill its process, or exhaust the sandbox's processes or memory while it is imported or called ({error.Message})",
    };
}
