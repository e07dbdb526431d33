using QuestMesh.Python.Harness;

namespace QuestMesh.Generator.Hybrid;

/// <summary>
/// The model calls the hybrid makes: the brief's gaps grouped by function, whole functions packed into
/// as few calls as the per-call gap limit allows, the functions with the most gaps first. A function
/// with more gaps than one call holds gets a call of its own with its first gaps. Pure.
/// </summary>
public static class GapPlan
{
    public const string ModuleLevel = "<module>";

    public static IReadOnlyList<BriefReply> Calls(BriefReply brief, int gapsPerCall, int maxCalls)
    {
        var byFunction = brief.Lines.Select(l => l.Function)
            .Concat(brief.Branches.Select(b => b.Function))
            .Concat(brief.Mutants.Select(m => m.Function))
            .Select(f => f ?? ModuleLevel)
            .GroupBy(f => f)
            .Select(g => (Function: g.Key, Gaps: g.Count()))
            .OrderByDescending(g => g.Gaps)
            .ThenBy(g => g.Function, StringComparer.Ordinal)
            .ToList();

        var calls = new List<List<string>>();
        var sizes = new List<int>();
        foreach (var (function, gaps) in byFunction)
        {
            var fit = sizes.FindIndex(size => size + gaps <= gapsPerCall);
            if (fit < 0)
            {
                if (calls.Count == maxCalls)
                    continue;
                calls.Add([]);
                sizes.Add(0);
                fit = calls.Count - 1;
            }
            calls[fit].Add(function);
            sizes[fit] += gaps;
        }
        return calls.Select(functions => Slice(brief, functions.ToHashSet(), gapsPerCall)).ToList();
    }

    public static int Count(BriefReply brief) => brief.Lines.Count + brief.Branches.Count + brief.Mutants.Count;

    public static IEnumerable<string> Functions(BriefReply brief) =>
        brief.Lines.Select(l => l.Function).Concat(brief.Branches.Select(b => b.Function)).Concat(brief.Mutants.Select(m => m.Function))
            .Select(f => f ?? ModuleLevel).Distinct();

    private static BriefReply Slice(BriefReply brief, HashSet<string> functions, int limit)
    {
        bool In(string? function) => functions.Contains(function ?? ModuleLevel);
        // Branches first: a taken branch runs its lines too, and the lines alone say less about the condition.
        var branches = brief.Branches.Where(b => In(b.Function)).Take(limit).ToList();
        var lines = brief.Lines.Where(l => In(l.Function)).Take(limit - branches.Count).ToList();
        var mutants = brief.Mutants.Where(m => In(m.Function)).Take(limit - branches.Count - lines.Count).ToList();
        return brief with { Lines = lines, Branches = branches, Mutants = mutants };
    }
}
