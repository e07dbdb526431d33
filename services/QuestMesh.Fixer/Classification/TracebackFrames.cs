using System.Text.RegularExpressions;

namespace QuestMesh.Fixer.Classification;

/// <summary>
/// Frames of a traceback in either form the harness passes on: Python's (<c>File "x.py", line 5, in f</c>,
/// then the source line) or pytest's (<c>x.py:5: in f</c>, then the source line).
/// </summary>
public static partial class TracebackFrames
{
    public sealed record Frame(string File, int Line, string? SourceText);

    public static IReadOnlyList<Frame> Parse(string? traceback)
    {
        if (string.IsNullOrEmpty(traceback))
            return [];
        var lines = traceback.Replace("\r\n", "\n").Split('\n');
        var frames = new List<Frame>();
        for (var i = 0; i < lines.Length; i++)
        {
            var match = PythonFrame().Match(lines[i]);
            if (!match.Success)
                match = PytestFrame().Match(lines[i]);
            if (!match.Success)
                continue;
            var next = i + 1 < lines.Length ? lines[i + 1] : null;
            var source = next is not null && next.StartsWith("    ", StringComparison.Ordinal) && !PythonFrame().IsMatch(next)
                ? next.Trim()
                : null;
            frames.Add(new Frame(Normalize(match.Groups["file"].Value), int.Parse(match.Groups["line"].Value), source));
        }
        return frames;
    }

    /// <summary>True when <paramref name="frameFile"/> names the suite file (relative or absolute).</summary>
    public static bool IsFile(string frameFile, string suiteFile)
    {
        var frame = Normalize(frameFile);
        var suite = Normalize(suiteFile);
        return frame == suite || frame.EndsWith("/" + suite, StringComparison.Ordinal);
    }

    private static string Normalize(string path) => path.Replace('\\', '/').TrimStart('.', '/');

    [GeneratedRegex(@"^\s*File ""(?<file>[^""]+)"", line (?<line>\d+)")]
    private static partial Regex PythonFrame();

    [GeneratedRegex(@"^(?<file>[^\s:""][^:\n""]*?\.py):(?<line>\d+):")]
    private static partial Regex PytestFrame();
}
