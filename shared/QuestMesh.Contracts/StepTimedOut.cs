namespace QuestMesh.Contracts;

/// <summary>
/// The orchestrator's sweeper saw a run step's deadline pass. <see cref="DeadlineId"/> names the deadline
/// the run set when it sent the step's command(s), so a stale notice (the step has moved on) is ignored.
/// </summary>
public record StepTimedOut(Guid RunId, Guid DeadlineId);
