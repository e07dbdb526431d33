using QuestMesh.Contracts;

namespace QuestMesh.Generator.Tasks;

/// <summary>
/// A task's one module as a project of its own: the module at the path its name gives
/// (<c>shop.pricing</c> → <c>shop/pricing.py</c>) with an empty <c>__init__.py</c> in each package folder.
/// </summary>
public static class TaskProject
{
    public static string TargetFile(TaskSource source) => source.ModuleName.Replace('.', '/') + ".py";

    public static SourceSpec Spec(TaskSource source)
    {
        var parts = source.ModuleName.Split('.');
        var packages = Enumerable.Range(1, parts.Length - 1)
            .Select(n => new InlineFile(string.Join('/', parts[..n]) + "/__init__.py", ""));
        return new SourceSpec
        {
            Kind = SourceKinds.Inline,
            Files = [new InlineFile(TargetFile(source), source.SourceCode), .. packages],
        };
    }

    /// <summary>Each line of the ranges, in order, once; lines past the end of the source are left out.</summary>
    public static IReadOnlyList<int> RangeLines(IEnumerable<UncoveredRange> ranges, string sourceCode)
    {
        var last = sourceCode.Split('\n').Length;
        return ranges.SelectMany(r => Enumerable.Range(r.StartLine, Math.Max(0, Math.Min(r.EndLine, last) - r.StartLine + 1)))
            .Distinct()
            .Order()
            .ToList();
    }
}
