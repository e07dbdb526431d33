namespace QuestMesh.Orchestrator.Artifacts;

/// <summary>The seed artifact names of DESIGN.md §4. Users of the original system know them: never rename.</summary>
public static class ArtifactNames
{
    public const string Context = "context.json";
    public const string TargetCode = "target_code.py";
    public const string EventsLog = "events.log";
    public const string RunSummary = "run_summary.json";

    public const string Request = "request.json";
    public const string GenerateRequest = "generate_request.json";
    public const string TestSource = "test_src.py";
    public const string LlmMetadata = "llm_metadata.json";
    public const string Static = "static.json";
    public const string PreReliability = "pre_reliability.json";
    public const string Response = "response.json";
    public const string PostReliability = "post_reliability.json";
    public const string Critique = "critique.json";
    public const string Metrics = "metrics.json";
    public const string FixReport = "fix_report.json";

    /// <summary>Possible bugs in the target (behaviour against its own hints, docstring or examples), with the call that shows each.</summary>
    public const string Findings = "findings.json";

    /// <summary><see cref="Findings"/> as SARIF 2.1.0, located in the target module.</summary>
    public const string FindingsSarif = "findings.sarif";

    /// <summary>The static findings as SARIF 2.1.0, for code-review tools.</summary>
    public const string StaticSarif = "static.sarif";

    /// <summary><c>attempt_&lt;n&gt;.&lt;part&gt;</c>.</summary>
    public static string Attempt(int attempt, string part) => $"attempt_{attempt}.{part}";

    /// <summary>The final suite under <c>final/</c>, keeping its path relative to the project root.</summary>
    public static string Final(string suiteFileName) => $"final/{suiteFileName.Replace('\\', '/').TrimStart('/')}";
}
