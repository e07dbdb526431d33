namespace QuestMesh.Orchestrator.Artifacts;

/// <summary>What every <see cref="IArtifactStore"/> accepts, wherever it keeps artifacts.</summary>
public static class ArtifactRules
{
    /// <summary>
    /// Names come from messages (a suite's file name): a relative, forward-slash path without '.', '..'
    /// or empty parts, so no store can be led outside a run. Returns the name's segments.
    /// </summary>
    public static string[] CheckName(string name)
    {
        var segments = name.Split('/');
        if (name.Length == 0 || Path.IsPathRooted(name) || name.Contains('\\') || name.Contains('\0')
            || segments.Any(s => s.Length == 0 || s == "." || s == ".."))
            throw new ArgumentException($"Artifact name '{name}' must be a relative path without '.', '..' or empty parts.", nameof(name));
        return segments;
    }

    /// <summary>A keyed line (<see cref="IArtifactStore.AppendLineAsync"/>) is one line that contains its key.</summary>
    public static void CheckLine(string name, string key, string line)
    {
        CheckName(name);
        if (key.Length == 0 || !line.Contains(key, StringComparison.Ordinal) || line.Contains('\n'))
            throw new ArgumentException($"An {name} line is one line that contains its key '{key}'.", nameof(line));
    }
}
