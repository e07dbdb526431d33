using System.Text.RegularExpressions;

namespace QuestMesh.Fixer.PythonText;

/// <summary>
/// Where a test function (or <c>Class.method</c>) sits in a module: its decorators, its <c>def</c> line and
/// its body as logical lines. Found the way Python binds names: the last definition wins.
/// </summary>
public sealed partial record FunctionLocation(
    string Name,
    int StartLine,
    int DefLine,
    int EndLine,
    int Indent,
    int BodyIndent,
    string DefText,
    IReadOnlyList<LogicalLine> Body,
    string Text)
{
    /// <summary>The first parameter is <c>self</c>: a method of a (unittest) test class.</summary>
    public bool IsMethod => SelfParameter().IsMatch(DefText);

    /// <summary>The body statement that contains <paramref name="line"/> (a 1-based module line).</summary>
    public LogicalLine? StatementAt(int line) => Body.FirstOrDefault(l => !l.IsBlank && l.Contains(line));

    public static FunctionLocation? Find(string source, string name)
    {
        var lines = LogicalLine.Split(source);
        var (owner, member) = name.LastIndexOf('.') is var dot and > 0 ? (name[..dot], name[(dot + 1)..]) : ("", name);
        var (from, to, indent) = (0, lines.Count, 0);
        if (owner.Length > 0)
        {
            var cls = LastIndex(lines, 0, lines.Count, 0, l => ClassHead().Match(l.Code) is { Success: true } m && m.Groups[1].Value == owner);
            if (cls < 0)
                return null;
            (from, to) = (cls + 1, BlockEnd(lines, cls));
            var firstMember = lines.Skip(from).Take(to - from).FirstOrDefault(l => !l.IsBlank);
            if (firstMember is null)
                return null;
            indent = firstMember.Indent;
        }
        var def = LastIndex(lines, from, to, indent, l => DefHead().Match(l.Code) is { Success: true } m && m.Groups[1].Value == member);
        return def < 0 ? null : Build(lines, def, name);
    }

    private static FunctionLocation Build(IReadOnlyList<LogicalLine> lines, int def, string name)
    {
        var head = lines[def];
        var first = def;
        while (first > 0 && lines[first - 1].Indent == head.Indent && lines[first - 1].Code.StartsWith('@'))
            first--;
        var end = BlockEnd(lines, def);
        var body = lines.Skip(def + 1).Take(end - def - 1).ToList();
        while (body.Count > 0 && body[^1].IsBlank)
            body.RemoveAt(body.Count - 1);
        var firstStatement = body.FirstOrDefault(l => !l.IsBlank);
        var lastLine = body.Count > 0 ? body[^1].EndLine : head.EndLine;
        var text = string.Join('\n', lines.Skip(first).TakeWhile(l => l.EndLine <= lastLine).Select(l => l.Text));
        return new FunctionLocation(name, lines[first].StartLine, head.StartLine, lastLine, head.Indent,
            firstStatement?.Indent ?? head.Indent + 4, head.Text, body, text);
    }

    /// <summary>The index just past the block opened by <c>lines[head]</c>: the next code line indented no deeper.</summary>
    private static int BlockEnd(IReadOnlyList<LogicalLine> lines, int head)
    {
        var end = head + 1;
        while (end < lines.Count && (lines[end].IsBlank || lines[end].Indent > lines[head].Indent))
            end++;
        return end;
    }

    private static int LastIndex(IReadOnlyList<LogicalLine> lines, int from, int to, int indent, Func<LogicalLine, bool> match)
    {
        var found = -1;
        for (var i = from; i < to; i++)
        {
            if (!lines[i].IsBlank && lines[i].Indent == indent && match(lines[i]))
                found = i;
        }
        return found;
    }

    [GeneratedRegex(@"^(?:async\s+)?def\s+([A-Za-z_]\w*)\s*\(")]
    private static partial Regex DefHead();

    [GeneratedRegex(@"^class\s+([A-Za-z_]\w*)\s*[(:]")]
    private static partial Regex ClassHead();

    [GeneratedRegex(@"^\s*(?:async\s+)?def\s+\w+\s*\(\s*self\b")]
    private static partial Regex SelfParameter();
}
