namespace QuestMesh.Fixer.PythonText;

/// <summary>
/// A character-level pass over Python text that knows strings (all quote forms, escapes), comments and
/// bracket depth: the little of Python's tokenizer the repairs need to split statements and expressions.
/// </summary>
public static class PythonScanner
{
    /// <summary>What a character is in: code, a string, or a comment; <c>Depth</c> is the bracket depth before it.</summary>
    public readonly record struct Position(int Index, char Char, bool InCode, int Depth);

    public static IEnumerable<Position> Scan(string text)
    {
        var depth = 0;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '#')
            {
                for (; i < text.Length && text[i] != '\n'; i++)
                    yield return new Position(i, text[i], false, depth);
                continue;
            }
            if (c is '"' or '\'')
            {
                var quote = text.AsSpan(i).StartsWith(new string(c, 3)) ? new string(c, 3) : c.ToString();
                var end = StringEnd(text, i + quote.Length, quote);
                for (; i < end; i++)
                    yield return new Position(i, text[i], false, depth);
                continue;
            }
            if (c is '(' or '[' or '{')
            {
                yield return new Position(i++, c, true, depth);
                depth++;
                continue;
            }
            if (c is ')' or ']' or '}')
                depth = Math.Max(0, depth - 1);
            yield return new Position(i++, c, true, depth);
        }
    }

    /// <summary>Indexes where <paramref name="op"/> starts in code at bracket depth 0.</summary>
    public static List<int> TopLevel(string text, string op)
    {
        var found = new List<int>();
        foreach (var p in Scan(text))
        {
            if (!p.InCode || p.Depth != 0 || !text.AsSpan(p.Index).StartsWith(op))
                continue;
            if (op == "==" && (Before(text, p.Index) is '=' or '!' or '<' or '>' || After(text, p.Index + 2) == '='))
                continue;
            if (op == "!=" && After(text, p.Index + 2) == '=')
                continue;
            if (op == "," || found.Count == 0 || found[^1] + op.Length <= p.Index)
                found.Add(p.Index);
        }
        return found;
    }

    /// <summary>Splits at every top-level <paramref name="op"/>: (start, length) of each part, untrimmed.</summary>
    public static List<(int Start, int Length)> Split(string text, string op)
    {
        var parts = new List<(int Start, int Length)>();
        var start = 0;
        foreach (var index in TopLevel(text, op))
        {
            parts.Add((start, index - start));
            start = index + op.Length;
        }
        parts.Add((start, text.Length - start));
        return parts;
    }

    /// <summary>A part of <paramref name="text"/> without its surrounding whitespace, as (start, length).</summary>
    public static (int Start, int Length) Trim(string text, (int Start, int Length) part)
    {
        var (start, end) = (part.Start, part.Start + part.Length);
        while (start < end && char.IsWhiteSpace(text[start]))
            start++;
        while (end > start && char.IsWhiteSpace(text[end - 1]))
            end--;
        return (start, end - start);
    }

    /// <summary>The index just past the closing quote (or where an unterminated one-line string stops).</summary>
    private static int StringEnd(string text, int i, string quote)
    {
        while (i < text.Length)
        {
            if (text.AsSpan(i).StartsWith(quote))
                return i + quote.Length;
            // A single-quoted string cannot cross a line: stop there rather than swallow the file.
            if (quote.Length == 1 && text[i] == '\n')
                return i;
            i += text[i] == '\\' ? 2 : 1;
        }
        return text.Length;
    }

    private static char Before(string text, int index) => index > 0 ? text[index - 1] : '\0';

    private static char After(string text, int index) => index < text.Length ? text[index] : '\0';
}
