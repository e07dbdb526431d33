namespace QuestMesh.Fixer.Repairs;

/// <summary>
/// Finds the project module a wrong import meant: the same name under a longer or shorter package path
/// (<c>src.calc.ops</c> or <c>ops</c> for <c>calc.ops</c>), preferring the target module when several fit.
/// </summary>
public static class ModuleResolver
{
    public static string? Resolve(string imported, RepairContext context)
    {
        var modules = context.ProjectModules;
        var segments = imported.Split('.');
        // A suffix that exists: `src.calc.ops` → `calc.ops`.
        for (var k = 1; k < segments.Length; k++)
        {
            var suffix = string.Join('.', segments[k..]);
            if (modules.Contains(suffix))
                return suffix;
        }
        var last = segments[^1];
        var candidates = modules.Where(m => m == last || m.EndsWith("." + last, StringComparison.Ordinal)).ToList();
        if (candidates.Contains(context.TargetModule))
            return context.TargetModule;
        return candidates.Count == 1 && candidates[0] != imported ? candidates[0] : null;
    }
}
