using QuestMesh.Python.Environments;
using QuestMesh.Python.Harness;

namespace QuestMesh.Orchestrator.Repositories;

/// <summary>
/// The repository's own dependencies in a run: what it declares, what became of each requirement in the run's
/// environment (null without declarations), and the modules that cannot be imported because a package they import at
/// module level is not there, each with the declared requirement that would have provided it when one matches.
/// </summary>
public sealed record DependencyReport
{
    public static readonly DependencyReport None = new();

    public DeclaredDependencies? Declared { get; init; }
    public DependencyEnvironment? Environment { get; init; }
    public IReadOnlyList<UnimportableModules> NotImportable { get; init; } = [];

    public static DependencyReport Build(DeclaredDependencies? declared, DependencyEnvironment? environment, IReadOnlyList<MissingImport> missing)
    {
        var absent = environment?.Absent ?? [];
        return new DependencyReport
        {
            Declared = declared,
            Environment = environment,
            NotImportable = missing.Select(m => Explain(m, absent)).ToList(),
        };
    }

    /// <summary>What became of the declared requirements, in one line; null without declarations.</summary>
    public string? Summary()
    {
        if (Environment is not { } environment)
            return null;
        var requirements = environment.Requirements;
        var installed = requirements.Count(r => r.Status == RequirementOutcome.Installed);
        var there = requirements.Count(r => r.Status is RequirementOutcome.Satisfied or RequirementOutcome.NotNeeded);
        var absent = environment.Absent.Count;
        if (installed == 0 && absent == 0)
            return $"{requirements.Count} declared, all already there";
        var into = environment.Folder is { } folder ? $" into {folder}" : "";
        return installed > 0
            ? $"{requirements.Count} declared: {installed} installed{into} from {environment.Source}; {there} already there; {absent} not installed"
            : $"{requirements.Count} declared: none installed from {environment.Source}; {there} already there; {absent} not installed";
    }

    /// <summary>Module file (relative to the Python root) → why it cannot be imported.</summary>
    public IReadOnlyDictionary<string, string> Modules() =>
        NotImportable.SelectMany(n => n.Modules.Select(module => (module, n.Why)))
            .GroupBy(p => p.module, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => string.Join("; ", g.Select(p => p.Why)), StringComparer.Ordinal);

    private static UnimportableModules Explain(MissingImport missing, IReadOnlyList<RequirementOutcome> absent)
    {
        var requirement = absent.FirstOrDefault(r => ImportNames(r).Contains(missing.Name, StringComparer.OrdinalIgnoreCase));
        var why = requirement is null
            ? $"it imports {missing.Name}, which is not installed and no declared requirement provides"
            : $"it imports {missing.Name}, which is not installed: {requirement.Requirement} {(requirement.Status == RequirementOutcome.Missing ? "is missing" : "failed")} ({requirement.Reason})";
        return new UnimportableModules(missing.Name, missing.Modules, requirement?.Requirement, why);
    }

    private static IEnumerable<string> ImportNames(RequirementOutcome requirement) =>
        requirement.ImportNames.Count > 0 ? requirement.ImportNames
        : requirement.Name is { } name ? [name.Replace('-', '_').Replace('.', '_')]
        : [];
}

/// <summary>An import name that cannot be found, the modules importing it, and the requirement meant to provide it (null: none declared).</summary>
public sealed record UnimportableModules(string Name, IReadOnlyList<string> Modules, string? Requirement, string Why);
