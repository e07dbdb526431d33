using System.ComponentModel.DataAnnotations;

namespace QuestMesh.StaticAnalysis;

/// <summary>Section <c>StaticAnalysis</c>: which optional linters run on a suite, and their limits.</summary>
public sealed class StaticAnalysisOptions
{
    public const string Section = "StaticAnalysis";

    /// <summary>Run flake8 (pyflakes + pycodestyle + mccabe) next to the harness's own pyflakes pass; skipped when not installed.</summary>
    public bool Flake8 { get; set; } = true;

    /// <summary>Run pylint (errors, and the warnings that matter for tests) through the harness; unavailable when not installed.</summary>
    public bool Pylint { get; set; } = true;

    /// <summary>Run mypy through the harness: optional, as it is the slowest of the linters.</summary>
    public bool Mypy { get; set; }

    /// <summary>flake8's mccabe check: functions more complex than this are reported (C901).</summary>
    [Range(1, 100)]
    public int MaxComplexity { get; set; } = 10;

    /// <summary>The time each linter may take (seconds).</summary>
    [Range(1, 600)]
    public int LinterTimeoutSeconds { get; set; } = 30;

    /// <summary>Generated tests hold long literals; 79 columns would drown the real findings.</summary>
    [Range(40, 1000)]
    public int MaxLineLength { get; set; } = 120;

    /// <summary>Suites one static-analysis process analyses at once.</summary>
    [Range(1, 64)]
    public int ConcurrentSteps { get; set; } = 2;
}
