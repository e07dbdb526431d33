using System.Text.RegularExpressions;

namespace QuestMesh.Fixer.PythonText;

/// <summary>
/// Recognises Python literals (numbers, strings, None/True/False, and tuples, lists, sets and dicts of
/// them): text that can be written into a test as an expected value and means the same thing there.
/// </summary>
public static partial class PythonLiteral
{
    private static readonly HashSet<string> Constants = ["None", "True", "False"];

    public static bool IsLiteral(string text)
    {
        text = text.Trim();
        if (text.Length == 0)
            return false;
        var i = 0;
        var previous = ' ';
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c) || c is ',' or ':' or '(' or ')' or '[' or ']' or '{' or '}')
            {
                if (!char.IsWhiteSpace(c))
                    previous = c is ')' or ']' or '}' ? 'v' : c;
                i++;
                continue;
            }
            var token = Token().Match(text, i);
            if (!token.Success || token.Index != i)
                return false;
            if (token.Groups["name"].Success && !IsAllowedName(token.Value, text, i + token.Length))
                return false;
            // Two values side by side are not one literal, except adjacent strings ('a' 'b' is 'ab').
            var kind = token.Groups["string"].Success ? 's' : 'v';
            if (previous is 'v' || (previous is 's' && kind is not 's'))
                return false;
            previous = kind;
            i += token.Length;
        }
        return Balanced(text);
    }

    /// <summary>
    /// A value pytest or unittest printed that can replace an expected literal: a literal, and not one that
    /// pytest shortened with "..." (the real value is longer than what was shown).
    /// </summary>
    public static bool IsSafeObserved(string repr) =>
        IsLiteral(repr) && !repr.Contains("...", StringComparison.Ordinal) && !repr.Contains('…');

    private static bool IsAllowedName(string name, string text, int after) =>
        Constants.Contains(name) || (name is "set" or "frozenset" && after < text.Length && text[after] == '(');

    private static bool Balanced(string text)
    {
        var stack = new Stack<char>();
        foreach (var p in PythonScanner.Scan(text))
        {
            if (!p.InCode)
                continue;
            if (p.Char is '(' or '[' or '{')
                stack.Push(p.Char);
            else if (p.Char is ')' or ']' or '}')
            {
                if (stack.Count == 0 || stack.Pop() != (p.Char switch { ')' => '(', ']' => '[', _ => '{' }))
                    return false;
            }
        }
        return stack.Count == 0;
    }

    // Strings (optional r/b/u prefixes, never f: an f-string is code), numbers with an optional sign,
    // and bare names (checked against the allowed constants).
    [GeneratedRegex("""
        \G(?:
          (?<string>(?:[rRbBuU]|[bB][rR]|[rR][bB])?(?:'''(?:\\.|[^\\])*?'''|\"\"\"(?:\\.|[^\\])*?\"\"\"|'(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*"))
         |(?<number>[+-]?\s*(?:0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+|(?:\d[\d_]*\.?[\d_]*|\.\d[\d_]*)(?:[eE][+-]?\d+)?[jJ]?))
         |(?<name>[A-Za-z_]\w*)
        )
        """, RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex Token();
}
