namespace QuestMesh.Python;

/// <summary>A harness command failed: a bad request (<see cref="BadRequest"/>), a crash, or a time-out.</summary>
public sealed class HarnessException(string message, bool badRequest = false, bool timedOut = false, string? output = null) : Exception(message)
{
    /// <summary>The end of the process's standard error (a Python traceback) when it left no reply: for logs and artifacts, not for the one-line message.</summary>
    public string? Output { get; } = output;

    public bool BadRequest { get; } = badRequest;
    public bool TimedOut { get; } = timedOut;
}
