using QuestMesh.Contracts;
using QuestMesh.Python.Harness;

namespace QuestMesh.Orchestrator.Repositories;

/// <summary>Everything a whole-repository run found and made; the reports and the exit code are drawn from it.</summary>
public sealed record RepositoryReport
{
    public required Guid RunId { get; init; }
    public required RepositoryContext Context { get; init; }
    public required MeasureReply Baseline { get; init; }
    public required CombinedResult Combined { get; init; }
    public required IReadOnlyList<ModuleOutcome> Modules { get; init; }
    public required IReadOnlyList<SkippedModule> NotRun { get; init; }
    public required GateResult Gate { get; init; }
    public required RepositoryLimits Limits { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public required TimeSpan Duration { get; init; }
    public required TimeSpan GenerationTime { get; init; }

    /// <summary>The repository's own dependencies: declared, installed or not, and the modules that cannot be imported.</summary>
    public DependencyReport Dependencies { get; init; } = DependencyReport.None;

    /// <summary>Whether the generated tests got a conftest.py and why; the one that stayed is <see cref="CombinedResult.Conftest"/>.</summary>
    public ConftestDecision Conftest { get; init; } = new(null, "none needed");

    public MeasureReply Final => Combined.Final;
    public double Before => Baseline.Coverage.Percent;
    public double After => Final.Coverage.Percent;
    public double Delta => After - Before;

    /// <summary>The final run's tests that live in the generated files kept.</summary>
    public IReadOnlyList<TestOutcome> GeneratedTests => Final.Tests.Where(IsGenerated).ToList();

    /// <summary>The final run's tests that were in the repository before.</summary>
    public IReadOnlyList<TestOutcome> ExistingTests => Final.Tests.Where(t => !IsGenerated(t)).ToList();

    /// <summary>The final run's tests of one generated file.</summary>
    public IReadOnlyList<TestOutcome> TestsOf(GeneratedFile file) =>
        Final.Tests.Where(t => t.Id.StartsWith(file.TestFile + "::", StringComparison.Ordinal)).ToList();

    private bool IsGenerated(TestOutcome test) => Combined.Kept.Any(f => test.Id.StartsWith(f.TestFile + "::", StringComparison.Ordinal));
}
