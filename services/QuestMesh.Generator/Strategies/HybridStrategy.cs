using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QuestMesh.Contracts;
using QuestMesh.Generator.Hybrid;
using QuestMesh.Generator.Prompts;
using QuestMesh.Llm;
using QuestMesh.Python;
using QuestMesh.Python.Harness;
using QuestMesh.Python.Workspaces;

namespace QuestMesh.Generator.Strategies;

/// <summary>
/// <c>auto</c> with a model (issue 11, item 5): the offline search writes the suite (free and fast);
/// the model is asked only for what it left — missing lines and branches and surviving mutants, grouped
/// by function into as few calls as reach them; each of the model's tests is run in the sandbox with the
/// suite and kept only when it passes and adds coverage or kills a surviving mutant (CoverUp's rule).
/// When the model cannot help, the search's suite stands and the report says why.
/// </summary>
public sealed class HybridStrategy(
    SearchStrategy search,
    LlmStrategy llmOnly,
    HarnessClient harness,
    SuiteProbe probe,
    LlmClient llm,
    IOptions<LlmOptions> llmOptions,
    IOptions<HybridOptions> options,
    ILogger<HybridStrategy> logger) : ITestGenerationStrategy
{
    public string Name => StrategyNames.Hybrid;

    public async Task<GenerationResult> GenerateAsync(GenerationRequest request, CancellationToken cancellationToken)
    {
        var searched = await search.GenerateAsync(request, cancellationToken);
        if (searched.Suite is null || searched.Error is not null)
        {
            if (searched.FailureKind is not null)
                return searched;
            logger.LogWarning("Run {RunId} attempt {Attempt}: the search wrote no suite ({Reason}); asking the model for the whole suite",
                request.RunId, request.Attempt, searched.Error);
            return await llmOnly.GenerateAsync(request, cancellationToken);
        }

        var targetFile = ProjectPaths.Normalize(request.TargetFile);
        var work = new HybridWork(request, targetFile, searched.Suite);
        work.Baseline = await probe.ExecuteAsync(request.Source, targetFile, searched.Suite, cancellationToken);
        if (work.Baseline.Status != "passed")
            return await FinishAsync(searched, work, $"the search's suite did not pass on its own ({work.Baseline.Status}), so no model test could be judged against it", cancellationToken);

        var (mutation, mutationError) = await probe.MutateAsync(request.Source, targetFile, searched.Suite, request.Settings, cancellationToken);
        if (mutationError is not null)
            logger.LogWarning("Run {RunId} attempt {Attempt}: no mutation report for the search's suite, so the model is asked only about coverage: {Reason}",
                request.RunId, request.Attempt, mutationError);
        work.BaselineMutation = mutation;
        work.Survivors = mutation?.Mutants.Where(m => m.Status == "survived").ToList() ?? [];

        BriefReply brief;
        try
        {
            brief = await probe.BriefAsync(request.Source, targetFile, searched.Suite.Source, new Critique
            {
                MissingLines = work.Baseline.Coverage?.MissingLines ?? [],
                MissingBranches = work.Baseline.Coverage?.MissingBranches ?? [],
                SurvivingMutants = work.Survivors,
            }, cancellationToken);
        }
        catch (HarnessException error)
        {
            return await FinishAsync(searched, work, $"the gaps could not be read for the prompt: {error.Message}", cancellationToken);
        }
        work.GapsAsked = GapPlan.Count(brief);
        if (work.GapsAsked == 0)
            return await FinishAsync(searched, work, failure: null, cancellationToken);

        await AskAsync(work, brief, searched.TargetCode ?? "", cancellationToken);
        return await FinishAsync(searched, work, work.LlmFailure, cancellationToken);
    }

    private async Task AskAsync(HybridWork work, BriefReply brief, string targetCode, CancellationToken cancellationToken)
    {
        var templates = PromptTemplates.Load(PromptTemplates.ShippedFolder, llmOptions.Value.PromptsFolder);
        foreach (var call in GapPlan.Calls(brief, options.Value.GapsPerCall, options.Value.MaxCalls))
        {
            work.Functions.AddRange(GapPlan.Functions(call).Where(f => !work.Functions.Contains(f)));
            var prompt = PromptBuilder.Build(templates, new PromptInput
            {
                Brief = call,
                TargetFile = work.TargetFile,
                TargetCode = targetCode,
                TestFile = work.Suite.FileName,
                ExistingSuite = work.Suite.Source,
                GapsOnly = true,
            });
            LlmAnswer answer;
            try
            {
                answer = await llm.CompleteAsync(prompt.System, prompt.User, cancellationToken);
            }
            catch (LlmException error)
            {
                work.LlmFailure = $"the model call failed, so the search's suite stands: {error.Message}";
                work.FailedCalls++;
                logger.LogWarning("Run {RunId} attempt {Attempt}: {Failure}", work.Request.RunId, work.Request.Attempt, work.LlmFailure);
                return;
            }
            work.Answers.Add(answer);
            var module = await harness.AnswerAsync(answer.Text, brief.TestStyle, cancellationToken);
            if (module.Problem is { } problem || module.Source is null)
            {
                var reason = module.Problem is { } p ? $"{p.Kind}: {p.Message}" : "no source";
                work.Rejected.Add(new RejectedTest($"answer {work.Answers.Count}", $"not a usable test module ({reason})"));
                continue;
            }
            await JudgeAsync(work, module.Source, cancellationToken);
        }
    }

    /// <summary>Each test of the answer, one at a time, with the suite so far: kept when it passes and adds coverage or kills a survivor.</summary>
    private async Task JudgeAsync(HybridWork work, string answer, CancellationToken cancellationToken)
    {
        MergeReply listing;
        try
        {
            listing = await harness.MergeAsync("", answer, names: null, cancellationToken);
        }
        catch (HarnessException error)
        {
            work.Rejected.Add(new RejectedTest($"answer {work.Answers.Count}", $"its tests could not be read: {error.Message}"));
            return;
        }
        foreach (var name in listing.Tests)
        {
            var merged = await harness.MergeAsync(work.Suite.Source, answer, [name], cancellationToken);
            var candidate = work.Suite with { Source = merged.Source };
            var report = await probe.ExecuteAsync(work.Request.Source, work.TargetFile, candidate, cancellationToken);
            var verdict = AcceptanceRule.Judge(work.Current, report);
            if (!verdict.Passed)
            {
                work.Rejected.Add(new RejectedTest(name, $"fails: {verdict.Failure}"));
                continue;
            }
            if (verdict.AddsCoverage || await KillsSurvivorAsync(work, answer, name, cancellationToken))
            {
                work.Suite = candidate;
                work.Current = report;
                work.Kept.Add(merged.Added.Single());
                continue;
            }
            work.Rejected.Add(new RejectedTest(name, "passes but adds no line or branch and kills no surviving mutant"));
        }
    }

    private async Task<bool> KillsSurvivorAsync(HybridWork work, string answer, string name, CancellationToken cancellationToken)
    {
        if (work.Survivors.Count == 0)
            return false;
        var alone = await harness.MergeAsync("", answer, [name], cancellationToken);
        var (report, _) = await probe.MutateAsync(work.Request.Source, work.TargetFile, work.Suite with { Source = alone.Source },
            work.Request.Settings, cancellationToken);
        return report is not null && AcceptanceRule.KillsSurvivor(work.Survivors, report).Count > 0;
    }

    private async Task<GenerationResult> FinishAsync(GenerationResult searched, HybridWork work, string? failure,
        CancellationToken cancellationToken)
    {
        var final = work.Current;
        var llmMutants = 0;
        if (work.Kept.Count > 0 && work.Survivors.Count > 0)
        {
            var (report, _) = await probe.MutateAsync(work.Request.Source, work.TargetFile, work.Suite, work.Request.Settings, cancellationToken);
            if (report is not null)
                llmMutants = AcceptanceRule.KillsSurvivor(work.Survivors, report).Count;
        }
        var baseline = work.Baseline;
        var llmBranches = Math.Max(0, (final?.Coverage?.CoveredBranches ?? 0) - (baseline?.Coverage?.CoveredBranches ?? 0));
        var metadata = HybridMetadata.Of(work.Answers, searched.Metadata, llmOptions.Value.Model, work.FailedCalls);
        var hybrid = new HybridReport
        {
            Search = new StrategyShare
            {
                Tests = baseline?.Tests.Count ?? 0,
                Lines = baseline?.Coverage?.CoveredLines.Count ?? 0,
                Branches = baseline?.Coverage?.CoveredBranches ?? 0,
                Mutants = work.BaselineMutation?.Mutants.Count(AcceptanceRule.IsKilled) ?? 0,
            },
            Llm = new StrategyShare
            {
                Tests = Math.Max(0, (final?.Tests.Count ?? 0) - (baseline?.Tests.Count ?? 0)),
                Lines = Math.Max(0, (final?.Coverage?.CoveredLines.Count ?? 0) - (baseline?.Coverage?.CoveredLines.Count ?? 0)),
                Branches = llmBranches,
                Mutants = llmMutants,
            },
            GapsAsked = work.GapsAsked,
            Functions = work.Functions,
            Kept = work.Kept,
            Rejected = work.Rejected,
            CostPerCoveredBranch = llmBranches > 0 ? Math.Round(metadata.EstimatedCost / llmBranches, 6) : null,
            LlmFailure = failure,
        };
        logger.LogInformation(
            "Run {RunId} attempt {Attempt}: hybrid kept {Kept} of the model's tests ({Rejected} rejected) over {Calls} calls; " +
            "search {SearchLines} lines / {SearchBranches} branches, model +{LlmLines} lines / +{LlmBranches} branches / {LlmMutants} mutants",
            work.Request.RunId, work.Request.Attempt, work.Kept.Count, work.Rejected.Count, metadata.LlmCalls,
            hybrid.Search.Lines, hybrid.Search.Branches, hybrid.Llm.Lines, hybrid.Llm.Branches, hybrid.Llm.Mutants);
        return searched with
        {
            Suite = work.Suite,
            Metadata = metadata with { Hybrid = hybrid },
        };
    }
}
