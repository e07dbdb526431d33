namespace QuestMesh.Standalone.Cli;

/// <summary>Paths in commands the user copies into a POSIX shell: left as they are when safe, else in single quotes.</summary>
public static class ShellQuoting
{
    public static string Quote(string word) =>
        word.Length > 0 && word.All(IsSafe) ? word : "'" + word.Replace("'", @"'\''", StringComparison.Ordinal) + "'";

    private static bool IsSafe(char c) => char.IsAsciiLetterOrDigit(c) || "_-./:@%+=,".Contains(c);
}
