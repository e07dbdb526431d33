namespace QuestMesh.Orchestrator.Tasks;

/// <summary>What a task does: <c>POST /generation</c> or <c>POST /optimization/coverage</c>.</summary>
public static class TaskKinds
{
    public const string Generation = "generation";
    public const string Coverage = "coverage";
}
