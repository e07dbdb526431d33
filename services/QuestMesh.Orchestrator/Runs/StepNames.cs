namespace QuestMesh.Orchestrator.Runs;

/// <summary>The step kinds of a run, as they appear in metrics, events.log and timeout reasons.</summary>
public static class StepNames
{
    public const string Generate = "generate";
    public const string Enhance = "enhance";
    public const string Static = "static";
    public const string Execute = "execute";
    public const string Critique = "critique";
    public const string Fix = "fix";
    public const string Finalize = "finalize";
}
