using System.Diagnostics;
using Microsoft.Extensions.Logging;
using QuestMesh.Contracts;
using QuestMesh.Generator.Strategies;

namespace QuestMesh.Generator;

/// <summary>What both generator consumers do: pick the strategy, run it, and shape the reply.</summary>
public sealed class TestGeneration(StrategyResolver resolver, ILogger<TestGeneration> logger)
{
    public async Task<TestsGenerated> RunAsync(GenerationRequest request, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var (strategy, refusal) = resolver.Resolve(request.Settings.Strategy);
        logger.LogInformation("Run {RunId} attempt {Attempt}: generating with {Strategy} (asked for {RequestedStrategy})",
            request.RunId, request.Attempt, strategy?.Name ?? "none", request.Settings.Strategy);
        var result = strategy is null
            ? GenerationResult.Failed(request.Settings.Strategy, refusal!)
            : await strategy.GenerateAsync(request, cancellationToken);

        if (result.Error is not null)
            logger.LogWarning("Run {RunId} attempt {Attempt}: no suite from {Strategy}: {Error}",
                request.RunId, request.Attempt, result.Metadata.Strategy, result.Error);
        return new TestsGenerated
        {
            RunId = request.RunId,
            Attempt = request.Attempt,
            StepId = request.StepId,
            Suite = result.Error is null ? result.Suite : null,
            Metadata = result.Metadata,
            PossibleBugs = result.PossibleBugs,
            ContextJson = result.ContextJson,
            TargetCode = result.TargetCode,
            Error = result.Error,
            FailureKind = result.Error is null ? null : result.FailureKind,
            DurationSeconds = stopwatch.Elapsed.TotalSeconds,
        };
    }
}
