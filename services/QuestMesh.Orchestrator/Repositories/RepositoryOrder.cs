using QuestMesh.Contracts;

namespace QuestMesh.Orchestrator.Repositories;

/// <summary>A checked <c>POST /api/runs</c> without a target file: a whole-repository run to carry out.</summary>
public sealed record RepositoryOrder(Guid RunId, string? Tenant, SourceSpec Source, RunSettings Settings, RepositoryLimits Limits,
    GateThresholds Gate);
