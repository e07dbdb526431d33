using QuestMesh.Contracts;
using QuestMesh.Fixer.Repairs;

namespace QuestMesh.Fixer.Fixing;

/// <summary>The state of one fix round as it goes.</summary>
public sealed class FixRound(FixTests command, string suiteFile, FixLedger ledger)
{
    public FixTests Command { get; } = command;
    public string SuiteFile { get; } = suiteFile;
    public FixLedger Ledger { get; } = ledger;

    /// <summary>The suite as edited so far.</summary>
    public string Source { get; set; } = command.Suite.Source;
    public RepairScope? Scope { get; set; }

    /// <summary>The last run, and the suite it ran; null before the first.</summary>
    public ExecutionReport? Final { get; set; }
    public string? RanSource { get; set; }
    public int Runs { get; set; }

    /// <summary>The last suite that loaded (the input's, when it did); null while none has.</summary>
    public string? Loaded { get; set; }
    public string? Error { get; set; }

    /// <summary>Tests deleted since the last run: back to be removed if that run rolls the suite back.</summary>
    public List<FixCase> Deleted { get; } = [];

    /// <summary>The suite changed since the last run, so there is something to validate.</summary>
    public bool Unvalidated => Source != RanSource;
}
