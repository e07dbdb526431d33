using System.Text.RegularExpressions;

namespace QuestMesh.Fixer.PythonText;

/// <summary>
/// One <c>import</c> or <c>from … import …</c> statement: which modules it names and how to write it
/// with one module replaced or one name dropped.
/// </summary>
public sealed partial record ImportStatement(LogicalLine Line, string? FromModule, IReadOnlyList<(string Name, string? Alias)> Names)
{
    public static IReadOnlyList<ImportStatement> FindAll(string source) =>
        LogicalLine.Split(source).Select(Parse).OfType<ImportStatement>().ToList();

    public static ImportStatement? Parse(LogicalLine line)
    {
        var code = StripComment(line.Code);
        if (From().Match(code) is { Success: true } from)
            return new ImportStatement(line, from.Groups["module"].Value, ParseNames(from.Groups["names"].Value.Trim().TrimStart('(').TrimEnd(')')));
        if (Plain().Match(code) is { Success: true } plain)
            return new ImportStatement(line, null, ParseNames(plain.Groups["names"].Value));
        return null;
    }

    /// <summary>True when the statement imports <paramref name="module"/> or a submodule of it.</summary>
    public bool Imports(string module) => Modules.Any(m => m == module || m.StartsWith(module + ".", StringComparison.Ordinal));

    /// <summary>The modules named: the <c>from</c> module, or each module of a plain import.</summary>
    public IEnumerable<string> Modules => FromModule is not null ? [FromModule] : Names.Select(n => n.Name);

    /// <summary>The statement with <paramref name="old"/> (or its submodule path) replaced by <paramref name="replacement"/>; null when it cannot be said.</summary>
    public string? WithModule(string old, string replacement)
    {
        string Swap(string module) => module == old ? replacement : replacement + module[old.Length..];
        if (FromModule is not null)
            return $"from {Swap(FromModule)} import {Join(Names)}";
        var names = new List<(string Name, string? Alias)>();
        foreach (var (name, alias) in Names)
        {
            if (!(name == old || name.StartsWith(old + ".", StringComparison.Ordinal)))
                names.Add((name, alias));
            else if (alias is not null)
                names.Add((Swap(name), alias));
            else if (!name.Contains('.'))
                names.Add((Swap(name), name)); // `import ops` → `import calc.ops as ops`: the code still says ops.f()
            else
                return null;
        }
        return $"import {Join(names)}";
    }

    /// <summary>The statement without <paramref name="name"/>; null when nothing would be left.</summary>
    public string? Without(string name)
    {
        var rest = Names.Where(n => n.Name != name).ToList();
        if (rest.Count == 0)
            return null;
        return FromModule is not null ? $"from {FromModule} import {Join(rest)}" : $"import {Join(rest)}";
    }

    private static IReadOnlyList<(string Name, string? Alias)> ParseNames(string text) =>
        text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => Regex.Split(part.Trim(), @"\s+as\s+"))
            .Select(bits => (bits[0].Trim(), bits.Length > 1 ? bits[1].Trim() : null))
            .ToList();

    private static string Join(IEnumerable<(string Name, string? Alias)> names) =>
        string.Join(", ", names.Select(n => n.Alias is null ? n.Name : $"{n.Name} as {n.Alias}"));

    private static string StripComment(string code)
    {
        var hash = PythonScanner.Scan(code).FirstOrDefault(p => !p.InCode && p.Char == '#' && (p.Index == 0 || code[p.Index - 1] != '\\'));
        var text = hash.Char == '#' ? code[..hash.Index] : code;
        return Regex.Replace(text.Replace("\\\n", " "), @"\s+", " ").Trim();
    }

    [GeneratedRegex(@"^from\s+(?<module>\.*[\w.]*)\s+import\s+(?<names>.+)$")]
    private static partial Regex From();

    [GeneratedRegex(@"^import\s+(?<names>[\w.]+(?:\s+as\s+\w+)?(?:\s*,\s*[\w.]+(?:\s+as\s+\w+)?)*)$")]
    private static partial Regex Plain();
}
