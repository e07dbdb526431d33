using QuestMesh.Orchestrator.Runs;

namespace QuestMesh.Orchestrator.Artifacts.Documents;

/// <summary><c>attempt_&lt;n&gt;.fix_report.json</c>: every fix round of the attempt, oldest first.</summary>
public sealed record FixReportDocument(int Attempt, IReadOnlyList<FixRoundRecord> Rounds);
