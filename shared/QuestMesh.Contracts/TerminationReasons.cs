namespace QuestMesh.Contracts;

public static class TerminationReasons
{
    public const string TargetsMet = "targets-met";
    public const string MaxAttempts = "max-attempts";
    public const string NoProgress = "no-progress";
    public const string Cancelled = "cancelled";

    public static string Failed(string why) => $"failed:{why}";
}
