using QuestMesh.Contracts;

namespace QuestMesh.Python.Harness;

/// <summary>What <c>measure</c> runs: test modules and measured modules, relative to the Python root.</summary>
public sealed record MeasureRequest
{
    public required IReadOnlyList<string> Tests { get; init; }
    public required IReadOnlyList<string> Modules { get; init; }

    /// <summary>The Python root's path in the repository, put in front of the paths people and CI read ("" for the root).</summary>
    public string PathPrefix { get; init; } = "";

    /// <summary>Also make the Cobertura, JUnit and HTML reports.</summary>
    public bool Reports { get; init; }

    public string Title { get; init; } = "QuestMesh coverage";
}

/// <summary>Reply of <c>measure</c>: one run of a whole suite under branch coverage of the listed modules.</summary>
public sealed record MeasureReply
{
    /// <summary>passed, failed, no-tests or timeout.</summary>
    public string Status { get; init; } = "failed";
    public int ExitCode { get; init; }
    public double ExecutionTime { get; init; }
    public SuiteTotals Totals { get; init; } = new();
    public IReadOnlyList<TestOutcome> Tests { get; init; } = [];
    public IReadOnlyList<SuiteCollectionError> CollectionErrors { get; init; } = [];

    /// <summary>A <c>conftest.py</c> beside the test paths that raised as pytest loaded it (pytest then ran no test).</summary>
    public IReadOnlyList<ConftestError> ConftestErrors { get; init; } = [];
    public SuiteCoverage Coverage { get; init; } = new();
    public IReadOnlyList<ModuleFigures> Files { get; init; } = [];
    public IReadOnlyList<PathReason> Unmeasured { get; init; } = [];

    /// <summary>Packages the modules import at module level that the interpreter cannot find, with the modules importing each.</summary>
    public IReadOnlyList<MissingImport> MissingImports { get; init; } = [];
    public CoverageGaps Gaps { get; init; } = new();
    public SuiteReports? Reports { get; init; }
    public string Stdout { get; init; } = "";
    public string Stderr { get; init; } = "";
}

public sealed record SuiteTotals
{
    public int Tests { get; init; }
    public int Passed { get; init; }
    public int Failed { get; init; }
    public int Errors { get; init; }
    public int Skipped { get; init; }
    public int CollectionErrors { get; init; }
}

/// <summary>A top-level import name that cannot be found, and the modules (relative to the Python root) that import it.</summary>
public sealed record MissingImport(string Name, IReadOnlyList<string> Modules);

/// <summary>A <c>conftest.py</c> (<see cref="Path"/> relative to the Python root) that raised when pytest loaded it.</summary>
public sealed record ConftestError(string Path, string ErrorType, string Message);

/// <summary>A test module that did not load; <see cref="Id"/> is its path.</summary>
public sealed record SuiteCollectionError(string Id, string ErrorType, string Message);

/// <summary>coverage.py's total over the measured modules (statements and branches, as <c>coverage report</c> gives it).</summary>
public sealed record SuiteCoverage
{
    public double Percent { get; init; }
    public int Statements { get; init; }
    public int CoveredStatements { get; init; }
    public int Branches { get; init; }
    public int CoveredBranches { get; init; }
    public int Files { get; init; }
}

/// <summary>One measured module: <see cref="Path"/> relative to the repository, <see cref="File"/> to the Python root.</summary>
public sealed record ModuleFigures
{
    public string Path { get; init; } = "";
    public string File { get; init; } = "";
    public string Module { get; init; } = "";
    public double Percent { get; init; }
    public int Statements { get; init; }
    public int MissingLines { get; init; }
    public int Branches { get; init; }
    public int MissingBranches { get; init; }
}

/// <summary>The reports as the tools made them: XML text, and the HTML report's files in base64.</summary>
public sealed record SuiteReports
{
    public string Cobertura { get; init; } = "";
    public string? Junit { get; init; }
    public IReadOnlyList<ReportFile> Html { get; init; } = [];
}

public sealed record ReportFile(string Path, string Base64);
