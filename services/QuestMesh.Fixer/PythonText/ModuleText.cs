namespace QuestMesh.Fixer.PythonText;

/// <summary>Edits of whole logical lines of a module: replace a statement, remove it, or add an import.</summary>
public static class ModuleText
{
    /// <summary>Replaces the logical line <paramref name="line"/> with <paramref name="code"/> at the same indentation.</summary>
    public static string Replace(string source, LogicalLine line, string code)
    {
        var lines = Lines(source);
        var indent = new string(' ', line.Indent);
        var replacement = code.Split('\n').Select((l, i) => i == 0 || l.Length > 0 ? indent + l : l);
        lines.RemoveRange(line.StartLine - 1, line.EndLine - line.StartLine + 1);
        lines.InsertRange(line.StartLine - 1, replacement);
        return string.Join('\n', lines);
    }

    /// <summary>Removes a statement; inside a block it becomes <c>pass</c>, so the block stays valid.</summary>
    public static string Remove(string source, LogicalLine line)
    {
        if (line.Indent > 0)
            return Replace(source, line, "pass");
        var lines = Lines(source);
        lines.RemoveRange(line.StartLine - 1, line.EndLine - line.StartLine + 1);
        return string.Join('\n', lines);
    }

    /// <summary>
    /// Adds <paramref name="import"/> after the module's last top-level import (or after its docstring and
    /// <c>__future__</c> imports), unless the module already has it.
    /// </summary>
    public static string EnsureImport(string source, string import)
    {
        var logical = LogicalLine.Split(source);
        if (logical.Any(l => l.Indent == 0 && l.Code.Trim() == import))
            return source;
        var header = logical.TakeWhile(l => l.IsBlank || l.Indent > 0 || IsHeader(l.Code)).ToList();
        var anchor = header.LastOrDefault(l => l.Indent == 0 && (l.Code.StartsWith("import ", StringComparison.Ordinal) || l.Code.StartsWith("from ", StringComparison.Ordinal) || IsDocstring(l.Code)));
        var lines = Lines(source);
        lines.Insert(anchor?.EndLine ?? 0, import);
        return string.Join('\n', lines);
    }

    private static bool IsHeader(string code) =>
        code.StartsWith("import ", StringComparison.Ordinal) || code.StartsWith("from ", StringComparison.Ordinal) || IsDocstring(code);

    private static bool IsDocstring(string code) => code.StartsWith("\"\"\"", StringComparison.Ordinal) || code.StartsWith("'''", StringComparison.Ordinal);

    private static List<string> Lines(string source) => [.. source.Replace("\r\n", "\n").Split('\n')];
}
