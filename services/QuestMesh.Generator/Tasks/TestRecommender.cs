using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QuestMesh.Contracts;
using QuestMesh.Llm;
using QuestMesh.Python;
using QuestMesh.Python.Harness;

namespace QuestMesh.Generator.Tasks;

/// <summary>
/// <c>POST /optimization/coverage</c>'s work: candidate tests from the model (when one is configured) or
/// from the offline search focused on the uncovered lines; every candidate run against the source in the
/// sandbox; a model's failing test repaired once; the ones that pass and execute uncovered lines
/// recommended, each with its insertion point in the existing test code and what it really covered.
/// </summary>
public sealed class TestRecommender(
    TaskBriefing briefing,
    TaskModel model,
    TaskSearch search,
    CandidateJudge judge,
    HarnessClient harness,
    IOptions<TaskOptions> options,
    ILogger<TestRecommender> logger)
{
    public async Task<TestsRecommended> RecommendAsync(RecommendTests command, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var lines = TaskProject.RangeLines(command.UncoveredRanges, command.Source.SourceCode);
        var ledger = new TaskLedger();
        var reply = new TestsRecommended { TaskId = command.TaskId };
        var (brief, problem) = await briefing.PrepareAsync(command.Source, lines, cancellationToken);
        if (brief is null)
            return reply with { Error = problem, DurationSeconds = stopwatch.Elapsed.TotalSeconds };

        var dropped = new List<RejectedTest>();
        List<JudgedCandidate>? judged = null;
        string? llmFailure = null;
        if (model.IsConfigured)
        {
            try
            {
                var (candidates, unusable) = await model.RecommendAsync(brief, command.ExistingTestCode, command.UncoveredRanges, ledger, cancellationToken);
                dropped.AddRange(unusable);
                judged = await RepairFailuresAsync(brief, await judge.JudgeAsync(brief, candidates, cancellationToken), ledger, cancellationToken);
            }
            catch (LlmException error)
            {
                llmFailure = $"the model could not be used, so the offline search recommended the tests: {error.Message}";
                logger.LogWarning("Task {TaskId}: {Failure}", command.TaskId, llmFailure);
            }
        }
        var strategy = judged is null ? TaskSearch.Origin : TaskModel.Origin;
        if (judged is null)
        {
            var (module, searchProblem) = await search.ExploreAsync(brief, lines, cancellationToken);
            if (module is null)
                return reply with
                {
                    Error = llmFailure is null ? $"No tests: {searchProblem}" : $"No tests: {llmFailure}; then {searchProblem}",
                    Strategy = strategy, LlmCalls = ledger.Calls, EstimatedCost = ledger.Cost, DurationSeconds = stopwatch.Elapsed.TotalSeconds,
                };
            var listing = await harness.MergeAsync("", module, names: null, cancellationToken);
            var candidates = listing.Tests.Select(name => new TaskCandidate([name], module, TaskCandidate.ScenarioOf(name), TaskSearch.Origin)).ToList();
            judged = await judge.JudgeAsync(brief, candidates, cancellationToken);
        }

        var choice = CandidateSelection.Choose(judged, lines, options.Value.MaxRecommendedTests);
        dropped.AddRange(choice.Dropped);
        var recommended = new List<RecommendedTest>();
        try
        {
            foreach (var kept in choice.Kept)
                recommended.Add(await RecommendationAsync(kept, command.ExistingTestCode, lines, cancellationToken));
        }
        catch (HarnessException error)
        {
            return reply with { Error = $"The tests could not be placed in the existing test code: {error.Message}", DurationSeconds = stopwatch.Elapsed.TotalSeconds };
        }
        logger.LogInformation("Task {TaskId}: {Strategy} recommended {Kept} tests ({Dropped} dropped) for lines {Lines}",
            command.TaskId, strategy, recommended.Count, dropped.Count, LineSpans.Format(lines));
        return reply with
        {
            RecommendedTests = recommended,
            Dropped = dropped,
            Strategy = strategy,
            LlmFailure = llmFailure,
            LlmCalls = ledger.Calls,
            EstimatedCost = ledger.Cost,
            DurationSeconds = stopwatch.Elapsed.TotalSeconds,
        };
    }

    /// <summary>Each failing candidate of the model gets one repair, run like the first version.</summary>
    private async Task<List<JudgedCandidate>> RepairFailuresAsync(TaskBrief brief, List<JudgedCandidate> judged, TaskLedger ledger,
        CancellationToken cancellationToken)
    {
        var result = new List<JudgedCandidate>();
        foreach (var candidate in judged)
        {
            if (candidate.Passed)
            {
                result.Add(candidate);
                continue;
            }
            var (repaired, problem) = await model.RepairAsync(brief, candidate, ledger, cancellationToken);
            if (repaired is null)
            {
                result.Add(candidate with { Failure = $"{candidate.Failure}; no repair: {problem}" });
                continue;
            }
            result.AddRange(await judge.JudgeAsync(brief, [repaired], cancellationToken));
        }
        return result;
    }

    private async Task<RecommendedTest> RecommendationAsync(JudgedCandidate kept, string existingTests, IReadOnlyList<int> rangeLines,
        CancellationToken cancellationToken)
    {
        var merged = await harness.MergeAsync(existingTests, kept.Candidate.Module, kept.Candidate.TestNames, cancellationToken);
        var inRange = kept.Lines.Where(rangeLines.Contains).ToList();
        return new RecommendedTest
        {
            TestNames = merged.Added,
            TestCode = merged.Snippet,
            TargetLine = merged.InsertLine,
            ScenarioDescription = kept.Candidate.Scenario,
            ExpectedCoverageImpact =
                $"Executes uncovered line{(inRange.Count == 1 ? "" : "s")} {LineSpans.Format(inRange)} ({inRange.Count} of {rangeLines.Count} " +
                $"line{(rangeLines.Count == 1 ? "" : "s")} in the given ranges); it ran against the source in the sandbox and passed",
            CoveredLines = kept.Lines,
            CoveredRangeLines = inRange,
            Passed = kept.Passed,
            Repaired = kept.Candidate.Repaired,
            Origin = kept.Candidate.Origin,
        };
    }
}
