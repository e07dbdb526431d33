namespace QuestMesh.Orchestrator.Queries;

/// <summary>One page of a tenant's runs. <see cref="States"/> empty: every state.</summary>
public sealed record RunListQuery(string? Tenant, IReadOnlyCollection<string> States, int Skip, int Take);

public sealed record RunRecordPage(IReadOnlyList<RunRecord> Items, int Total);
