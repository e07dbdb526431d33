using System.Text.Json.Serialization;
using QuestMesh.Contracts;
using QuestMesh.Orchestrator.Routing;

namespace QuestMesh.Orchestrator.Artifacts.Documents;

/// <summary><c>attempt_&lt;n&gt;.critique.json</c>: the supervisor's verdict, and where the router sent the run.</summary>
public sealed record CritiqueDocument
{
    public bool CompileError { get; init; }
    public bool NoTests { get; init; }
    public bool LowCoverage { get; init; }
    public bool LowMutation { get; init; }
    public bool FailingTests { get; init; }
    public required DeltasDocument Deltas { get; init; }
    public bool NoProgress { get; init; }
    public IReadOnlyList<int> MissingLines { get; init; } = [];
    public IReadOnlyList<MissingBranch> MissingBranches { get; init; } = [];
    public IReadOnlyList<MutantResult> SurvivingMutants { get; init; } = [];
    public IReadOnlyList<string> Instructions { get; init; } = [];

    /// <summary>The seed's shape: an object of six lists when the supervisor's model gave suggestions, else an empty list as always.</summary>
    public object LlmSuggestions { get; init; } = Array.Empty<string>();

    /// <summary>Only when <c>Supervisor:Llm:Enabled</c> is on: what the model cost, or why it gave no suggestions.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public SupervisorLlmMetadata? SupervisorLlmMetadata { get; init; }

    public RouteDocument? Route { get; init; }

    public static CritiqueDocument From(Critique critique, RouterDecision? decision) => new()
    {
        CompileError = critique.CompileError,
        NoTests = critique.NoTests,
        LowCoverage = critique.LowCoverage,
        LowMutation = critique.LowMutation,
        FailingTests = critique.FailingTests,
        Deltas = new DeltasDocument(critique.CoverageDelta, critique.MutationDelta),
        NoProgress = critique.NoProgress,
        MissingLines = critique.MissingLines,
        MissingBranches = critique.MissingBranches,
        SurvivingMutants = critique.SurvivingMutants,
        Instructions = critique.Instructions,
        LlmSuggestions = critique.Suggestions ?? (object)Array.Empty<string>(),
        SupervisorLlmMetadata = critique.SupervisorLlm,
        Route = decision is null ? null : new RouteDocument(decision.Route.ToString().ToUpperInvariant(), decision.Reason, decision.Why),
    };
}

public sealed record DeltasDocument(double Coverage, double Mutation);

public sealed record RouteDocument(string Decision, string? Reason, string Why);
