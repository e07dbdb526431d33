namespace QuestMesh.Python;

/// <summary>One process to start: arguments as an array, never one command line.</summary>
public sealed record ProcessSpec
{
    public required string FileName { get; init; }
    public IReadOnlyList<string> Arguments { get; init; } = [];
    public required string WorkingDirectory { get; init; }

    /// <summary>The whole environment of the child; nothing of the service's own environment leaks in.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    public string? StandardInput { get; init; }
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(10);
    public int MaxOutputChars { get; init; } = 8 * 1024 * 1024;
}

public sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError, bool TimedOut, TimeSpan Elapsed, bool OutputTruncated);
