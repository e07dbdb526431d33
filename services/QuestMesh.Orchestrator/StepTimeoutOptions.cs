namespace QuestMesh.Orchestrator;

/// <summary>
/// How long the orchestrator waits for each kind of step before it sends the command again.
/// Generous by default: an LLM call with retries, or mutation testing of a large module, takes minutes.
/// </summary>
public sealed class StepTimeoutOptions
{
    public TimeSpan Generate { get; set; } = TimeSpan.FromMinutes(10);
    public TimeSpan Static { get; set; } = TimeSpan.FromMinutes(3);
    public TimeSpan Execute { get; set; } = TimeSpan.FromMinutes(20);
    public TimeSpan Critique { get; set; } = TimeSpan.FromMinutes(5);
    public TimeSpan Fix { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The final suite (the union of the attempts, run twice with mutation testing); when it passes, the best attempt's suite stands.</summary>
    public TimeSpan Finalize { get; set; } = TimeSpan.FromMinutes(30);

    public IEnumerable<(string Step, TimeSpan Timeout)> All() =>
    [
        (nameof(Generate), Generate), (nameof(Static), Static), (nameof(Execute), Execute),
        (nameof(Critique), Critique), (nameof(Fix), Fix), (nameof(Finalize), Finalize),
    ];
}
