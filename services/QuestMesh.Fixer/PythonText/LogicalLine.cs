namespace QuestMesh.Fixer.PythonText;

/// <summary>
/// One logical line of Python: a statement with its continuation lines (open brackets, triple-quoted
/// strings, backslashes). Lines are 1-based; <see cref="Text"/> is the source exactly, without the final newline.
/// </summary>
public sealed record LogicalLine(int StartLine, int EndLine, int Indent, string Text)
{
    public bool IsBlank => Text.Trim().Length == 0 || Text.TrimStart().StartsWith('#');

    /// <summary>The statement without its indentation.</summary>
    public string Code => Text.TrimStart();

    public bool Contains(int line) => StartLine <= line && line <= EndLine;

    /// <summary>Splits source into logical lines; blank and comment lines are kept as lines of their own.</summary>
    public static IReadOnlyList<LogicalLine> Split(string source)
    {
        var text = source.Replace("\r\n", "\n");
        var ends = new List<int>();
        var previousInCode = false;
        foreach (var p in PythonScanner.Scan(text))
        {
            // A newline in code at bracket depth 0 ends the statement, unless a backslash continues it.
            if (p.Char == '\n' && p.InCode && p.Depth == 0 && !(previousInCode && p.Index > 0 && text[p.Index - 1] == '\\'))
                ends.Add(p.Index);
            previousInCode = p.InCode;
        }
        if (ends.Count == 0 || ends[^1] != text.Length - 1)
            ends.Add(text.Length);
        var lines = new List<LogicalLine>();
        var start = 0;
        var lineNumber = 1;
        foreach (var end in ends)
        {
            var chunk = text[start..end];
            var physical = chunk.Count(c => c == '\n') + 1;
            lines.Add(new LogicalLine(lineNumber, lineNumber + physical - 1, IndentOf(chunk), chunk));
            lineNumber += physical;
            start = Math.Min(text.Length, end + 1);
        }
        return lines;
    }

    private static int IndentOf(string text)
    {
        var n = 0;
        foreach (var c in text)
        {
            if (c == ' ')
                n++;
            else if (c == '\t')
                n += 8 - n % 8;
            else
                break;
        }
        return n;
    }
}
