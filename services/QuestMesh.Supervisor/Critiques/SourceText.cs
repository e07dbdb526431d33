namespace QuestMesh.Supervisor.Critiques;

/// <summary>Lines of the target's source, for quoting them in instructions; empty when the source is unknown.</summary>
public sealed class SourceText(string? source)
{
    private const int MaxQuoted = 100;
    private readonly string[] _lines = source?.Replace("\r\n", "\n").Split('\n') ?? [];

    public bool Known => _lines.Length > 0;

    /// <summary>The trimmed text of a 1-based line, or null when unknown or blank.</summary>
    public string? Line(int number)
    {
        if (number < 1 || number > _lines.Length)
            return null;
        var text = _lines[number - 1].Trim();
        if (text.Length == 0)
            return null;
        return text.Length <= MaxQuoted ? text : text[..MaxQuoted] + "…";
    }

    /// <summary>The non-blank lines of a range, each in backticks, joined for one sentence.</summary>
    public string? Quote(int first, int last)
    {
        var quoted = Enumerable.Range(first, last - first + 1)
            .Select(Line)
            .OfType<string>()
            .Select(text => $"`{text}`")
            .ToList();
        return quoted.Count == 0 ? null : string.Join(" / ", quoted);
    }
}
