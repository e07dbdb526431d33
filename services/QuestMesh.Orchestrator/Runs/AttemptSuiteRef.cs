namespace QuestMesh.Orchestrator.Runs;

/// <summary>A concluded attempt's passing suite, kept for the final union.</summary>
public sealed record AttemptSuiteRef(int Attempt, DocumentRef Suite);
