using QuestMesh.Fixer.PythonText;

namespace QuestMesh.Fixer.Classification;

/// <summary>
/// The two values an equality assertion compared, as printed: pytest's <c>assert &lt;left&gt; == &lt;right&gt;</c>
/// or unittest's <c>&lt;first&gt; != &lt;second&gt;</c> (optionally after <c>Lists differ: </c>).
/// </summary>
public sealed record AssertionComparison(string Left, string Right, bool Unittest)
{
    private const string Prefix = "AssertionError: ";

    public static AssertionComparison? Parse(string? message)
    {
        if (string.IsNullOrWhiteSpace(message))
            return null;
        var lines = message.Replace("\r\n", "\n").Split('\n').Select(StripPrefix).ToList();
        // pytest puts a custom assertion message first, then the "assert ..." explanation.
        var pytest = lines.FirstOrDefault(l => l.StartsWith("assert ", StringComparison.Ordinal));
        if (pytest is not null)
            return Split(pytest["assert ".Length..], "==", unittest: false);
        var first = lines[0];
        var differ = first.IndexOf(" differ: ", StringComparison.Ordinal);
        if (differ > 0 && first[..differ].All(char.IsLetter))
            first = first[(differ + " differ: ".Length)..];
        return Split(first, "!=", unittest: true);
    }

    private static AssertionComparison? Split(string text, string op, bool unittest)
    {
        var parts = PythonScanner.Split(text, op);
        if (parts.Count != 2)
            return null;
        var left = text.Substring(parts[0].Start, parts[0].Length).Trim();
        var right = text.Substring(parts[1].Start, parts[1].Length).Trim();
        return left.Length == 0 || right.Length == 0 ? null : new AssertionComparison(left, right, unittest);
    }

    private static string StripPrefix(string line)
    {
        line = line.Trim();
        return line.StartsWith(Prefix, StringComparison.Ordinal) ? line[Prefix.Length..].Trim() : line;
    }
}
