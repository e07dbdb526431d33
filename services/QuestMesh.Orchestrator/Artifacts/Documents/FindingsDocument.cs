using QuestMesh.Contracts;
using QuestMesh.Orchestrator.StateMachines;

namespace QuestMesh.Orchestrator.Artifacts.Documents;

/// <summary>
/// <c>findings.json</c>: what the run found the target doing against its own contract, each with the call that
/// shows it and a line a person reads. No test of the final suite asserts any of it.
/// </summary>
public sealed record FindingsDocument
{
    public required string TargetFile { get; init; }
    public int Count { get; init; }
    public IReadOnlyList<Finding> PossibleBugs { get; init; } = [];

    public static FindingsDocument From(RunState run) => new()
    {
        TargetFile = run.TargetFile,
        Count = run.PossibleBugs.Count,
        PossibleBugs = run.PossibleBugs.Select(Finding.Of).ToList(),
    };

    /// <summary>One possible bug: its one-line summary, then the facts (see <see cref="PossibleBug"/>).</summary>
    public sealed record Finding
    {
        public required string Summary { get; init; }
        public required string Function { get; init; }
        public required string Call { get; init; }
        public required string Outcome { get; init; }
        public string Message { get; init; } = "";
        public int? Line { get; init; }
        public string Evidence { get; init; } = "";
        public required string FoundBy { get; init; }
        public string? Test { get; init; }

        public static Finding Of(PossibleBug bug) => new()
        {
            Summary = bug.Describe(), Function = bug.Function, Call = bug.Call, Outcome = bug.Outcome, Message = bug.Message,
            Line = bug.Line, Evidence = bug.Evidence, FoundBy = bug.FoundBy, Test = bug.Test,
        };
    }
}
