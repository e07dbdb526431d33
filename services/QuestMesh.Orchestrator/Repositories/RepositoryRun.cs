using System.Diagnostics;
using Microsoft.Extensions.Options;
using QuestMesh.Python;
using QuestMesh.Python.Harness;
using QuestMesh.Python.Unix;
using QuestMesh.Python.Workspaces;

namespace QuestMesh.Orchestrator.Repositories;

/// <summary>
/// A whole repository, end to end: survey it, measure the existing tests (the baseline and its gaps), give each
/// module with gaps a module run (most to gain first, within the budgets), run everything together, and judge the
/// thresholds. Every step that imports the repository's code runs on a runner, in its sandbox, on a copy of the
/// Python root; this process only reads the repository's text (the survey) and edits generated tests (patch). When the
/// repository declares requirements the source carries them, so every worker that runs its code (the suite runs and
/// the module runs' steps) installs them once into an environment of its own and runs on it.
/// </summary>
public sealed class RepositoryRun(
    HarnessClient harness,
    SuiteMeasurements measurements,
    ModuleRunner modules,
    CombinedSuite combined,
    RepositoryArtifacts artifacts,
    IOptions<SourceOptions> sources,
    TimeProvider clock)
{
    /// <summary>A module run given less than this would only be cancelled.</summary>
    private static readonly TimeSpan ShortestModuleRun = TimeSpan.FromSeconds(10);

    /// <param name="moduleArtifacts">The folder under which each module run gets its own (the command line's); null: the runs' usual place.</param>
    public async Task<RepositoryReport> RunAsync(RepositoryRunInput input, RepositoryContext context, Guid runId, string? moduleArtifacts,
        IRepositoryProgress progress, CancellationToken cancellationToken)
    {
        var startedAt = clock.GetUtcNow();
        var wall = Stopwatch.StartNew();
        progress.Surveyed(context);
        var (baseline, environment) = await measurements.BaselineAsync(runId, context, cancellationToken);
        progress.Baseline(baseline);
        var dependencies = DependencyReport.Build(context.Survey.Dependencies, environment, baseline.MissingImports);
        progress.Dependencies(dependencies);
        await artifacts.WriteGapsAsync(runId, context, baseline, cancellationToken);

        var (planned, notPlanned) = ModulePlanner.Plan(baseline.Gaps, input.Limits.MaxModules, dependencies.Modules());
        progress.Plan(planned, notPlanned);
        var generation = Stopwatch.StartNew();
        var (outcomes, outOfBudget) = await GenerateAsync(input, context, planned, moduleArtifacts, generation, progress, cancellationToken);
        generation.Stop();
        progress.NotRun(outOfBudget);
        var notRun = notPlanned.Concat(outOfBudget).ToList();

        var generated = GeneratedTestNames.Place(outcomes, context.Survey.Tests);
        var conftest = ConftestDecision.Decide(context.Survey.Conftest, baseline.MissingImports);
        var result = await combined.RunAsync(runId, context, baseline, generated, conftest.Conftest, progress.CombinedRound, cancellationToken);
        return new RepositoryReport
        {
            RunId = runId,
            Context = context,
            Baseline = baseline,
            Combined = result,
            Modules = outcomes,
            NotRun = notRun,
            Gate = Gate.Evaluate(input.Gate, baseline.Coverage.Percent, result.Final.Coverage.Percent),
            Limits = input.Limits,
            StartedAt = startedAt,
            Duration = wall.Elapsed,
            GenerationTime = generation.Elapsed,
            Dependencies = dependencies,
            Conftest = conftest,
        };
    }

    /// <summary>
    /// The module runs, most to gain first, <see cref="RepositoryLimits.Parallel"/> at once: each is a run of the loop
    /// published on the bus, so in distributed mode they spread over the runner pool and the join is the last of them
    /// ending. A module starts only while the total budget leaves it <see cref="ShortestModuleRun"/>, and gets the
    /// smaller of its own budget and what is left. Outcomes keep the plan's order.
    /// </summary>
    private async Task<(List<ModuleOutcome> Outcomes, List<SkippedModule> OutOfBudget)> GenerateAsync(RepositoryRunInput input,
        RepositoryContext context, IReadOnlyList<PlannedModule> planned, string? moduleArtifacts, Stopwatch generation, IRepositoryProgress progress,
        CancellationToken cancellationToken)
    {
        var outcomes = new ModuleOutcome?[planned.Count];
        var outOfBudget = new List<SkippedModule>();
        var total = TimeSpan.FromSeconds(input.Limits.TotalBudgetSeconds);
        using var slots = new SemaphoreSlim(input.Limits.Parallel);
        var running = new List<Task>();
        try
        {
            foreach (var (module, index) in planned.Select((m, i) => (m, i)))
            {
                await slots.WaitAsync(cancellationToken);
                var left = total - generation.Elapsed;
                if (left < ShortestModuleRun)
                {
                    slots.Release();
                    outOfBudget.Add(new SkippedModule(module.Path, module.Module, $"the total budget of {input.Limits.TotalBudgetSeconds} s was spent"));
                    continue;
                }
                var budget = TimeSpan.FromSeconds(Math.Min(input.Limits.ModuleBudgetSeconds, left.TotalSeconds));
                progress.ModuleStarted(index + 1, planned.Count, module, budget);
                running.Add(RunModuleAsync(module, index, budget));
            }
        }
        finally
        {
            await Task.WhenAll(running);
        }
        cancellationToken.ThrowIfCancellationRequested();
        return (outcomes.OfType<ModuleOutcome>().ToList(), outOfBudget);

        async Task RunModuleAsync(PlannedModule module, int index, TimeSpan budget)
        {
            try
            {
                var outcome = await modules.RunAsync(context.Source, module, input.Settings, input.Tenant,
                    moduleArtifacts is null ? null : Path.Combine(moduleArtifacts, "modules", module.Module), budget,
                    changed => progress.ModuleStep(module, changed), cancellationToken);
                progress.ModuleEnded(outcome);
                outcomes[index] = outcome;
            }
            finally
            {
                slots.Release();
            }
        }
    }

    /// <summary>Where the Python is; a repository without any, or past the copy limits, is the user's to correct (exit 2).</summary>
    public async Task<RepositoryContext> SurveyAsync(RepositoryRunInput input, IRepositoryProgress progress, CancellationToken cancellationToken)
    {
        SurveyReply survey;
        try
        {
            survey = await harness.SurveyAsync(input.RepositoryDirectory, GeneratedTestNames.Folder, cancellationToken);
        }
        catch (HarnessException error) when (error.BadRequest)
        {
            throw new RepositoryInputException(error.Message);
        }
        if (survey.PythonRoot is null || survey.Modules.Count == 0)
            throw new RepositoryInputException(survey.Problem ?? "no Python module found in the repository");
        var pythonRoot = UnixFiles.RealPath(Path.GetFullPath(Path.Combine(input.RepositoryDirectory, survey.PythonRoot)))
            ?? throw new RepositoryInputException($"the Python root '{survey.PythonRoot}' cannot be resolved");
        if (!UnixFiles.IsWithin(pythonRoot, input.RepositoryDirectory))
            throw new RepositoryInputException($"the Python root '{survey.PythonRoot}' leads out of the repository");
        try
        {
            progress.LeftOut(TreeCopier.Scan(pythonRoot, TreeLimits.From(sources.Value)).Skipped);
        }
        catch (WorkspaceException error)
        {
            throw new RepositoryInputException(error.Message);
        }
        var prefix = survey.PythonRoot == "." ? "" : survey.PythonRoot;
        var requirements = survey.Dependencies?.Install is { Count: > 0 } declared ? declared : null;
        return new RepositoryContext(input.RepositoryDirectory, pythonRoot, prefix, survey,
            input.SourceOrFolder with { Root = prefix.Length == 0 ? null : prefix, Requirements = requirements });
    }
}
