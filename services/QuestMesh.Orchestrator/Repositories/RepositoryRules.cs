using System.Globalization;

namespace QuestMesh.Orchestrator.Repositories;

/// <summary>
/// What a repository run's budgets and thresholds must be, said once for the command line and the API: each problem
/// is the option it concerns (<see cref="Option"/>) and a sentence without the option's name, which each caller puts
/// in front in its own spelling (<c>--module-budget</c>, <c>repository.moduleBudgetSeconds</c>).
/// </summary>
public static class RepositoryRules
{
    public enum Option { MaxModules, ModuleBudget, TotalBudget, Parallel, MinCoverage, MinDelta }

    public static IEnumerable<(Option Option, string Problem)> Problems(RepositoryLimits limits, GateThresholds gate)
    {
        if (limits.MaxModules is < 0)
            yield return (Option.MaxModules, "must be 0 (measure and report only) or more");
        if (limits.ModuleBudgetSeconds is < 10 or > 86400)
            yield return (Option.ModuleBudget, "must be between 10 and 86400 seconds");
        if (limits.TotalBudgetSeconds is < 10 or > 604800)
            yield return (Option.TotalBudget, "must be between 10 and 604800 seconds");
        if (limits.Parallel is < 1 or > 64)
            yield return (Option.Parallel, "must be between 1 and 64 module runs at once");
        if (gate.MinCoverage is { } coverage && coverage is not (>= 0 and <= 100))
            yield return (Option.MinCoverage, $"must be a percentage between 0 and 100, not {Shown(coverage)}");
        if (gate.MinDelta is { } delta && delta is not (>= -100 and <= 100))
            yield return (Option.MinDelta, $"must be between -100 and 100 points, not {Shown(delta)}");
    }

    private static string Shown(double value) => value.ToString(CultureInfo.InvariantCulture);
}
