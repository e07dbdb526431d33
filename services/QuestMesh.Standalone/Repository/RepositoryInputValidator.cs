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
        CheckLimits(limits, gate);
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

    private static readonly Dictionary<RepositoryRules.Option, string> Options = new()
    {
        [RepositoryRules.Option.MaxModules] = "--max-modules",
        [RepositoryRules.Option.ModuleBudget] = "--module-budget",
        [RepositoryRules.Option.TotalBudget] = "--total-budget",
        [RepositoryRules.Option.Parallel] = "--parallel",
        [RepositoryRules.Option.MinCoverage] = "--min-coverage",
        [RepositoryRules.Option.MinDelta] = "--min-delta",
    };

    private static void CheckLimits(RepositoryLimits limits, GateThresholds gate)
    {
        foreach (var (option, problem) in RepositoryRules.Problems(limits, gate))
            throw new BadInputException($"{Options[option]} {problem}");
    }
}
