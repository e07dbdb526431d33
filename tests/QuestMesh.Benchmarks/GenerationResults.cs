using System.Text.Json.Serialization;
using QuestMesh.Contracts;

namespace QuestMesh.Benchmarks;

/// <summary>One attempt's figures: seconds of the search, tests it added, coverage and mutation after it (null
/// when it wrote nothing), and why it ended the attempts, if it did.</summary>
internal sealed record AttemptFigures(int Attempt, double Seconds, int NewTests, double? Coverage, double? MutationScore,
    string? Stopped);

internal sealed record OutlineUnit(string Qualname, int Lineno, int EndLineno);

internal sealed record OutlineClass
{
    public IReadOnlyList<OutlineUnit> Methods { get; init; } = [];
}

/// <summary>The part of the harness's analysis (the reply's <c>context</c>) that bounds functions and methods.</summary>
internal sealed record ModuleOutline
{
    public IReadOnlyList<OutlineUnit> Functions { get; init; } = [];
    public IReadOnlyList<OutlineClass> Classes { get; init; } = [];
}

internal sealed record GenerationReply
{
    public ModuleOutline? Context { get; init; }
    public string TestSource { get; init; } = "";
    public int Tests { get; init; }
    public int NewTests { get; init; }
    public bool Verified { get; init; }
    public bool BudgetExhausted { get; init; }
    public string? ImportError { get; init; }
    public int Calls { get; init; }
    public int ArcsCovered { get; init; }
    public int ArcsTotal { get; init; }
    public IReadOnlyList<string> DroppedTests { get; init; } = [];
    public IReadOnlyList<SkippedTarget> Skipped { get; init; } = [];
}

internal sealed record Medians(double Coverage, double MutationScore, double GenerationSeconds, double Tests, double Skipped,
    int Crashes, int PassingByHand, int PassingShuffled);

internal sealed record TargetResult(
    string Id, string Module, double GenerationSeconds, int Tests, bool Verified, bool BudgetExhausted,
    string? ImportError, string ExecuteStatus, int ShuffledPasses, double StatementPercent, double BranchPercent,
    double Coverage, int Statements, int Branches, double MutationScore, int MutantsKilled, int Mutants,
    [property: JsonPropertyName("pynguin")] PynguinFigures? Pynguin)
{
    /// <summary>Null, or the one line that says why no suite came out (a harness crash, no suite).</summary>
    public string? Crash { get; init; }
    public IReadOnlyList<SkippedTarget> Skipped { get; init; } = [];
    public int DroppedTests { get; init; }
    public bool PassesByHand { get; init; }
    public string? LowCoverageReason { get; init; }
    public string? MutationError { get; init; }
    public IReadOnlyList<AttemptFigures> Attempts { get; init; } = [];
    public string? ByHandFailures { get; init; }
    public IReadOnlyList<string> ShuffledFailures { get; init; } = [];

    public static TargetResult Crashed(GenerationTarget target, double seconds, string why, PynguinFigures? peer) =>
        new(target.Id, target.Module, seconds, 0, false, false, null, "none", 0, 0, 0, 0, target.Statements,
            target.Branches, 0, 0, 0, peer) { Crash = why };
}
