using QuestMesh.Python.Harness;

namespace QuestMesh.Orchestrator.Repositories;

/// <summary>
/// Which modules get a module run, in order of what they can add: most missing statements and branches first. A module
/// that cannot be imported (a package it imports is not installed) gets none: its run could only fail.
/// </summary>
public static class ModulePlanner
{
    /// <param name="notImportable">Module file (relative to the Python root) → why it cannot be imported.</param>
    public static (IReadOnlyList<PlannedModule> Planned, IReadOnlyList<SkippedModule> Skipped) Plan(CoverageGaps gaps, int? maxModules,
        IReadOnlyDictionary<string, string>? notImportable = null)
    {
        var candidates = gaps.Files
            .Where(f => f.Statements > 0 && f.MissingLineCount + f.MissingBranches > 0)
            .Select(f => new PlannedModule(f.File, f.Path, f.Module, f.Percent, f.MissingLineCount, f.MissingBranches))
            .OrderByDescending(m => m.Gain)
            .ThenBy(m => m.Path, StringComparer.Ordinal)
            .ToList();
        var unimportable = candidates
            .Where(m => notImportable?.ContainsKey(m.File) == true)
            .Select(m => new SkippedModule(m.Path, m.Module, $"cannot be imported: {notImportable![m.File]}"))
            .ToList();
        var ordered = candidates.Where(m => notImportable?.ContainsKey(m.File) != true).ToList();
        var limit = maxModules ?? ordered.Count;
        var skipped = ordered.Skip(limit)
            .Select(m => new SkippedModule(m.Path, m.Module, $"--max-modules {limit}: {m.Gain} missing statements and branches, fewer than the modules run"))
            .ToList();
        return (ordered.Take(limit).ToList(), [.. unimportable, .. skipped]);
    }
}
