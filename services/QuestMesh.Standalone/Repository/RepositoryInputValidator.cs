using QuestMesh.Orchestrator.Repositories;
using QuestMesh.Contracts;
using QuestMesh.Python.Unix;
using QuestMesh.Standalone.Cli;

namespace QuestMesh.Standalone.Repository;

/// <summary>
/// Checks a whole-repository request before any work starts, each problem one sentence: the module-run settings as
/// <c>--file</c> runs check them, then the repository, the budgets, the thresholds, the branch name and <c>--out</c>.
/// </summary>
public static class RepositoryInputValidator
{
    public static RepositoryRunInput Validate(string repositoryDirectory, RunSettings settings, string? output, RepositoryLimits limits,
        GateThresholds gate, string? pushBranch)
    {
        RunInputValidator.CheckSettings(settings);
        CheckLimits(limits);
        CheckGate(gate);
        if (pushBranch is not null && !BranchNames.IsValid(pushBranch))
            throw new BadInputException($"--push-branch '{pushBranch}' is not a branch name git accepts");
        if (string.IsNullOrWhiteSpace(repositoryDirectory))
            throw new BadInputException("give the repository directory, e.g. 'questmesh run ./myrepo'");
        var full = Path.GetFullPath(repositoryDirectory);
        if (!Directory.Exists(full))
            throw new BadInputException(File.Exists(full)
                ? $"'{repositoryDirectory}' is a file; give the repository's directory (or the project's, with --file for one module)"
                : $"repository directory '{repositoryDirectory}' does not exist");
        try
        {
            var real = UnixFiles.RealPath(full) ?? full;
            return new RepositoryRunInput(real, settings, OutputFolderCheck.Resolve(output, real, repositoryDirectory), limits, gate, pushBranch);
        }
        catch (IOException error)
        {
            throw new BadInputException(error.Message);
        }
    }

    private static void CheckLimits(RepositoryLimits limits)
    {
        if (limits.MaxModules is < 0)
            throw new BadInputException("--max-modules must be 0 (measure and report only) or more");
        if (limits.ModuleBudgetSeconds is < 10 or > 86400)
            throw new BadInputException("--module-budget must be between 10 and 86400 seconds");
        if (limits.TotalBudgetSeconds is < 10 or > 604800)
            throw new BadInputException("--total-budget must be between 10 and 604800 seconds");
        if (limits.Parallel is < 1 or > 64)
            throw new BadInputException("--parallel must be between 1 and 64 module runs at once");
    }

    private static void CheckGate(GateThresholds gate)
    {
        if (gate.MinCoverage is { } coverage && coverage is not (>= 0 and <= 100))
            throw new BadInputException($"--min-coverage must be a percentage between 0 and 100, not {coverage}");
        if (gate.MinDelta is { } delta && delta is not (>= -100 and <= 100))
            throw new BadInputException($"--min-delta must be between -100 and 100 points, not {delta}");
    }
}
