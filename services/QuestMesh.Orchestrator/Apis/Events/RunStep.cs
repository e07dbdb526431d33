using QuestMesh.Contracts;
using QuestMesh.Orchestrator.Artifacts;

namespace QuestMesh.Orchestrator.Apis.Events;

/// <summary>The data of one <c>step</c> event: where the run stood after a step, the figures of its current attempt.</summary>
public sealed record RunStep
{
    public Guid RunId { get; init; }
    public int Attempt { get; init; }

    /// <summary>The saga's state after the step (Generating, Checking, …, Completed).</summary>
    public required string State { get; init; }

    /// <summary>The step's word (submitted, generated, analyzed, executed, critiqued, fixing, targets-met, …).</summary>
    public required string Phase { get; init; }

    public double? Coverage { get; init; }
    public double? MutationScore { get; init; }
    public string? Detail { get; init; }
    public DateTimeOffset At { get; init; }

    /// <summary>The key of the step (the event's id).</summary>
    public Guid StepId { get; init; }

    public static RunStep From(RunStateChanged changed) => new()
    {
        RunId = changed.RunId,
        Attempt = changed.Attempt,
        State = changed.State,
        Phase = changed.Status,
        Coverage = changed.Coverage,
        MutationScore = changed.MutationScore,
        Detail = changed.Detail,
        At = changed.Timestamp,
        StepId = changed.StepId,
    };

    public static RunStep From(Guid runId, DateTimeOffset submittedAt, EventsLogEntry line) => new()
    {
        RunId = runId,
        Attempt = line.Attempt,
        State = line.State,
        Phase = line.Status,
        Coverage = line.Coverage,
        MutationScore = line.MutationScore,
        Detail = line.Detail,
        At = submittedAt.AddMilliseconds(line.ElapsedMilliseconds),
        StepId = line.StepId,
    };
}
