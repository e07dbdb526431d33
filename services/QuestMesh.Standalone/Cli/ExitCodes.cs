namespace QuestMesh.Standalone.Cli;

/// <summary>What <c>questmesh run</c> exits with (also printed by <c>--help</c>).</summary>
public static class ExitCodes
{
    public const int TargetsMet = 0;
    public const int InternalError = 1;
    public const int BadInput = 2;
    public const int BelowTarget = 3;
    public const int TargetMisbehaved = 4;

    /// <summary>A whole-repository run whose combined suite misses <c>--min-coverage</c> or <c>--min-delta</c> (its reports are written).</summary>
    public const int GateFailed = 5;

    public const string Help =
        "Exit codes: 0 targets met; 3 finished below a target (the best suite is still written); " +
        "2 bad input, one line says what (nothing was run); 4 the target itself could not be tested (it cannot be " +
        "imported, or in the sandbox it killed its process, exhausted processes or memory, or never finished); " +
        "1 internal error, or a run that could not go on (for example its artifacts could not be written). " +
        "Without --file (a whole repository): 0 every threshold of --min-coverage and --min-delta holds (or none was given); " +
        "5 a threshold failed (the reports are still written); 2 and 1 as above.";
}
