using QuestMesh.Contracts;
using QuestMesh.Orchestrator.StateMachines;

namespace QuestMesh.Orchestrator.Queries;

/// <summary>The saga's states in the API's words (<see cref="RunStatuses"/>), both ways.</summary>
public static class RunStatusMap
{
    /// <summary>The state of a saga instance that exists but has not taken its first transition yet.</summary>
    public const string Initial = "Initial";

    private static readonly string[] RunningStates =
    [
        nameof(RunStateMachine.Generating), nameof(RunStateMachine.Checking),
        nameof(RunStateMachine.Critiquing), nameof(RunStateMachine.Fixing), nameof(RunStateMachine.Finalizing),
    ];

    public static string StatusOf(string state) => state switch
    {
        nameof(RunStateMachine.Completed) => RunStatuses.Completed,
        nameof(RunStateMachine.Failed) => RunStatuses.Failed,
        nameof(RunStateMachine.Cancelled) => RunStatuses.Cancelled,
        _ when RunningStates.Contains(state) => RunStatuses.Running,
        _ => RunStatuses.Pending,
    };

    /// <summary>The saga states a status stands for.</summary>
    public static IReadOnlyList<string> StatesOf(string status) => status switch
    {
        RunStatuses.Pending => [Initial],
        RunStatuses.Running => RunningStates,
        RunStatuses.Completed => [nameof(RunStateMachine.Completed)],
        RunStatuses.Failed => [nameof(RunStateMachine.Failed)],
        RunStatuses.Cancelled => [nameof(RunStateMachine.Cancelled)],
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "not a run status"),
    };
}
