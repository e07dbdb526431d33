namespace QuestMesh.Fixer.Repairs;

/// <summary>Where the import repairs look: a copy of the project (read by the harness, never run), the target and the suite file.</summary>
public sealed record RepairScope(string ProjectDir, string TargetFile, string SuiteFile);
