using QuestMesh.Fixer.Classification;
using QuestMesh.Fixer.PythonText;

namespace QuestMesh.Fixer.Repairs;

/// <summary>
/// Import errors of the suite's own imports. A module that does not exist under that path is looked up among
/// the project's files (the target's dotted name, a <c>src/</c> layout) and the import rewritten; one that
/// exists nowhere is removed, so the module loads and only the tests that needed it fail (and go).
/// A name the module does not have is taken from the target module when it defines it, else dropped.
/// </summary>
public static class ImportPathRepair
{
    public static (string Source, RepairAttempt Attempt) Apply(string source, Failure failure, RepairContext context)
    {
        if (failure.MissingModule is { Length: > 0 } missing)
            return FixModule(source, missing, context);
        if (failure.MissingName is { Length: > 0 } name)
            return FixName(source, name, failure.ImportedFrom, context);
        return (source, RepairAttempt.Failed("the import error names no module or name"));
    }

    private static (string, RepairAttempt) FixModule(string source, string missing, RepairContext context)
    {
        var statements = ImportStatement.FindAll(source).Where(s => s.Imports(missing)).ToList();
        if (statements.Count == 0)
            return (source, RepairAttempt.Failed($"the suite does not import `{missing}` itself: the code under test or a library does, and no rule can change that"));
        if (statements.SelectMany(s => s.Modules).Any(context.ProjectModules.Contains))
            return (source, RepairAttempt.Failed($"`{missing}` belongs to a module the project has, yet it does not import: the project layout (packages, sys.path) is the problem, not the import"));
        var details = new List<string>();
        // Bottom-up, so the line numbers of the statements not yet edited stay valid.
        foreach (var statement in statements.OrderByDescending(s => s.Line.StartLine))
        {
            var imported = statement.Modules.First(m => m == missing || m.StartsWith(missing + ".", StringComparison.Ordinal));
            var resolved = ModuleResolver.Resolve(imported, context);
            var rewritten = resolved is null ? null : statement.WithModule(imported, resolved);
            if (rewritten is not null)
            {
                source = ModuleText.Replace(source, statement.Line, rewritten);
                details.Add($"`{statement.Line.Code.Trim()}` rewritten as `{rewritten}`");
            }
            else
            {
                source = ModuleText.Remove(source, statement.Line);
                details.Add($"`{statement.Line.Code.Trim()}` removed: no module `{imported}` in the project");
            }
        }
        details.Reverse();
        return (source, new RepairAttempt(true, string.Join("; ", details)));
    }

    private static (string, RepairAttempt) FixName(string source, string name, string? module, RepairContext context)
    {
        var statements = ImportStatement.FindAll(source)
            .Where(s => s.FromModule is not null && (module is null || s.FromModule == module) && s.Names.Any(n => n.Name == name))
            .ToList();
        if (statements.Count == 0)
            return (source, RepairAttempt.Failed($"the suite does not import `{name}` itself"));
        var fromTarget = module != context.TargetModule && MissingNameImportRepair.Defines(context.TargetSource, name);
        foreach (var statement in statements.OrderByDescending(s => s.Line.StartLine))
        {
            var rest = statement.Without(name);
            source = rest is null ? ModuleText.Remove(source, statement.Line) : ModuleText.Replace(source, statement.Line, rest);
        }
        if (!fromTarget)
            return (source, new RepairAttempt(true, $"`{name}` dropped from the import of `{module ?? statements[0].FromModule}`: it does not exist there"));
        var import = $"from {context.TargetModule} import {name}";
        return (source, new RepairAttempt(true, $"`{name}` now imported from `{context.TargetModule}`") { Imports = [import] });
    }
}
