namespace QuestMesh.Orchestrator.Apis.Responses;

/// <summary>The answer to a submission or a cancellation: the run, which <c>GET /api/runs/{runId}</c> follows.</summary>
public sealed record RunAccepted(Guid RunId);
