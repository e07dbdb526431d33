namespace QuestMesh.Orchestrator.Apis.Requests;

/// <summary>
/// What a path inside a project given over HTTP must look like: relative, forward slashes, no part that
/// climbs out or hides (<c>..</c>, <c>.</c>, empty), no control characters. The workspace refuses such
/// paths again when it writes files; checking here answers the caller at once.
/// </summary>
public static class ProjectPathRules
{
    public const int MaxLength = 1024;
    private const int MaxPartLength = 255;

    private static readonly HashSet<string> PythonKeywords =
    [
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del",
        "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal",
        "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
    ];

    /// <summary>Why <paramref name="path"/> is not a usable relative path, or null when it is.</summary>
    public static string? Problem(string path)
    {
        if (string.IsNullOrWhiteSpace(path))
            return "is empty; give a path relative to the project root, such as pkg/module.py";
        if (path.Length > MaxLength)
            return $"is longer than {MaxLength} characters";
        if (path.Any(char.IsControl))
            return "contains control characters";
        if (path.Contains('\\'))
            return "contains a backslash; separate folders with '/' (pkg/module.py)";
        if (path.StartsWith('/') || path.StartsWith('~') || (path.Length > 1 && path[1] == ':'))
            return "is absolute; give a path relative to the project root, such as pkg/module.py";
        var parts = path.Split('/');
        if (parts.Any(p => p == ".."))
            return "climbs out of the project with '..'; give a path inside it";
        if (parts.Any(p => p.Length == 0 || p == "."))
            return "has an empty or '.' part; write it as folder/file.py without '//', './' or a trailing '/'";
        if (parts.Any(p => p.Length > MaxPartLength))
            return $"has a part longer than {MaxPartLength} characters";
        return null;
    }

    /// <summary>Why the target cannot be imported under its path, or null: a .py file whose folders and name are Python identifiers.</summary>
    public static string? TargetProblem(string path)
    {
        if (Problem(path) is { } problem)
            return problem;
        if (!path.EndsWith(".py", StringComparison.Ordinal))
            return "is not a Python file; give a module ending in .py";
        var parts = path[..^3].Split('/');
        foreach (var part in parts)
        {
            if (!IsIdentifier(part))
                return $"cannot be imported: '{part}' is not a Python identifier (letters, digits and '_', not starting with a digit)";
            if (PythonKeywords.Contains(part))
                return $"cannot be imported: '{part}' is a Python keyword";
        }
        return null;
    }

    private static bool IsIdentifier(string part) =>
        part.Length > 0
        && (char.IsLetter(part[0]) || part[0] == '_')
        && part.All(c => char.IsLetterOrDigit(c) || c == '_');
}
