using System.Text.RegularExpressions;
using QuestMesh.Fixer.Classification;

namespace QuestMesh.Fixer.Repairs;

/// <summary>A test uses a name the target module defines but the suite never imported: import it.</summary>
public static class MissingNameImportRepair
{
    public static RepairAttempt TryRepair(Failure failure, RepairContext context)
    {
        if (failure.MissingName is not { Length: > 0 } name)
            return RepairAttempt.Failed("the undefined name is not known");
        if (!Defines(context.TargetSource, name))
            return RepairAttempt.Failed($"`{name}` is not defined by {context.TargetModule} either");
        var import = $"from {context.TargetModule} import {name}";
        return new RepairAttempt(true, $"added `{import}`") { Imports = [import] };
    }

    /// <summary>True when <paramref name="source"/> defines <paramref name="name"/> at module level (function, class or assignment).</summary>
    public static bool Defines(string? source, string name) =>
        source is not null && Regex.IsMatch(source, $@"^(?:(?:async\s+)?def\s+|class\s+){Regex.Escape(name)}\b|^{Regex.Escape(name)}\s*(?::[^=\n]+)?=(?!=)", RegexOptions.Multiline);
}
