namespace QuestMesh.Python.Harness;

/// <summary>What <c>install</c> is asked: requirements, and where pip may take them from.</summary>
public sealed record InstallRequest
{
    public required IReadOnlyList<string> Requirements { get; init; }
    public string? IndexUrl { get; init; }

    /// <summary>A folder of wheels (pip's <c>--find-links</c>).</summary>
    public string? FindLinks { get; init; }

    public bool OnlyBinary { get; init; } = true;
}

/// <summary>Reply of <c>install</c>: each requirement's outcome, and what the environment itself now holds.</summary>
public sealed record InstallReply
{
    public string Python { get; init; } = "";
    public string Prefix { get; init; } = "";
    public IReadOnlyList<RequirementOutcome> Requirements { get; init; } = [];

    /// <summary><c>name version</c> of every distribution in the environment's own site-packages.</summary>
    public IReadOnlyList<string> Installed { get; init; } = [];
    public PipRun Pip { get; init; } = new();
}

/// <summary>
/// One requirement: <see cref="Status"/> satisfied (already there, the system's packages included), installed,
/// not-needed (its marker excludes this Python), missing (nowhere to install it from) or failed (with pip's reason).
/// <see cref="ImportNames"/>: for one that is not there, the names it is probably imported by.
/// </summary>
public sealed record RequirementOutcome
{
    public string Requirement { get; init; } = "";
    public string? Name { get; init; }
    public string Status { get; init; } = "";
    public string? Version { get; init; }
    public string? Reason { get; init; }
    public IReadOnlyList<string> ImportNames { get; init; } = [];

    public const string Satisfied = "satisfied";
    public const string Installed = "installed";
    public const string NotNeeded = "not-needed";
    public const string Missing = "missing";
    public const string Failed = "failed";

    /// <summary>Not there for the tests: missing or failed.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsAbsent => Status is Missing or Failed;
}

public sealed record PipRun
{
    public bool Ran { get; init; }
    public string Log { get; init; } = "";
}
