namespace QuestMesh.Python.Sandboxing;

/// <summary>Reads the machine's process table (<c>/proc</c>).</summary>
internal static class ProcessTable
{
    /// <summary>True when some process's real user id is <paramref name="uid"/>.</summary>
    public static bool AnyOwnedBy(uint uid)
    {
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out _))
                continue;
            try
            {
                // "Uid:\t<real>\t<effective>\t<saved>\t<filesystem>"
                var line = File.ReadLines(Path.Combine(directory, "status")).FirstOrDefault(l => l.StartsWith("Uid:", StringComparison.Ordinal));
                var real = line?.Split('\t', StringSplitOptions.RemoveEmptyEntries).ElementAtOrDefault(1);
                if (real is not null && uint.TryParse(real, out var owner) && owner == uid)
                    return true;
            }
            catch (IOException)
            {
                // The process ended while we looked.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
        return false;
    }
}
