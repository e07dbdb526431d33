namespace QuestMesh.Python;

/// <summary>A harness command failed: a bad request (<see cref="BadRequest"/>), a crash, or a time-out.</summary>
public sealed class HarnessException(string message, bool badRequest = false, bool timedOut = false) : Exception(message)
{
    public bool BadRequest { get; } = badRequest;
    public bool TimedOut { get; } = timedOut;
}
