using System.ComponentModel.DataAnnotations;

namespace QuestMesh.StaticAnalysis;

/// <summary>Section <c>StaticAnalysis</c>: which optional linters run on a suite, and their limits.</summary>
public sealed class StaticAnalysisOptions
{
    public const string Section = "StaticAnalysis";

    /// <summary>Run flake8 (pyflakes + pycodestyle + mccabe) next to the harness's own pyflakes pass; skipped when not installed.</summary>
    public bool Flake8 { get; set; } = true;

    [Range(1, 600)]
    public int LinterTimeoutSeconds { get; set; } = 30;

    /// <summary>Generated tests hold long literals; 79 columns would drown the real findings.</summary>
    [Range(40, 1000)]
    public int MaxLineLength { get; set; } = 120;

    /// <summary>Suites one static-analysis process analyses at once.</summary>
    [Range(1, 64)]
    public int ConcurrentSteps { get; set; } = 2;
}
