namespace QuestMesh.Orchestrator.Runs;

/// <summary>The kinds of working document a run keeps (<see cref="RunDocuments"/>), the first part of their names.</summary>
public static class DocumentKinds
{
    public const string Suite = "suite";
    public const string Metadata = "generation";
    public const string Static = "static";
    public const string Execution = "execution";
    public const string Critique = "critique";
}
