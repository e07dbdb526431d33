namespace QuestMesh.Contracts;

/// <summary>
/// Why a generator produced no suite, when the cause is the target rather than QuestMesh
/// (<see cref="TestsGenerated.FailureKind"/>); the run then ends with <c>failed:&lt;kind&gt;</c>.
/// </summary>
public static class GenerationFailures
{
    /// <summary>The target's code, run in the sandbox, killed its process, exhausted processes or memory, or never finished.</summary>
    public const string TargetMisbehaved = "target-misbehaved";

    /// <summary>The target cannot be imported from the project (a missing dependency, an error at import).</summary>
    public const string TargetNotImportable = "target-not-importable";

    /// <summary>True for a run's termination reason that blames the target, not QuestMesh.</summary>
    public static bool BlamesTarget(string? terminationReason) =>
        terminationReason == TerminationReasons.Failed(TargetMisbehaved) || terminationReason == TerminationReasons.Failed(TargetNotImportable);
}
