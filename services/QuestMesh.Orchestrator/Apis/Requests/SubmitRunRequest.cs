using System.Text.Json.Serialization;

namespace QuestMesh.Orchestrator.Apis.Requests;

/// <summary>
/// The body of <c>POST /api/runs</c>: <see cref="Contracts.SubmitRun"/>'s fields in camelCase, every one
/// optional here so that a missing one is named in the answer instead of failing the whole parse.
/// Unknown fields are refused (a misspelt setting would otherwise be ignored silently).
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record SubmitRunRequest
{
    /// <summary>Where the Python project comes from.</summary>
    public SourceRequest? Source { get; init; }

    /// <summary>
    /// The module to test, relative to the project root, with forward slashes (<c>pkg/module.py</c>). Left out: the
    /// whole repository (a repository run, followed at <c>/api/repository-runs/{id}</c>).
    /// </summary>
    public string? TargetFile { get; init; }

    /// <summary>What the run (each module run of a repository run) aims for and may spend; every field has a default.</summary>
    public RunSettingsRequest? Settings { get; init; }

    /// <summary>A repository run's budgets and gate (only without <see cref="TargetFile"/>); every field has a default.</summary>
    public RepositoryRequest? Repository { get; init; }
}

/// <summary>The options of <c>questmesh run &lt;repo&gt;</c> without <c>--file</c>, in camelCase.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record RepositoryRequest
{
    /// <summary>Module runs at most, most to gain first; 0 measures and reports only; default every module with gaps.</summary>
    public int? MaxModules { get; init; }

    /// <summary>Seconds one module run may take, 10 to 86400; default 900.</summary>
    public int? ModuleBudgetSeconds { get; init; }

    /// <summary>Seconds all module runs may take together, 10 to 604800; default 3600.</summary>
    public int? TotalBudgetSeconds { get; init; }

    /// <summary>Module runs at once, 1 to 64 (they spread over the workers); default 2.</summary>
    public int? Parallel { get; init; }

    /// <summary>Gate: the combined suite's coverage must reach this percentage.</summary>
    public double? MinCoverage { get; init; }

    /// <summary>Gate: the combined suite's coverage must rise this many points over the existing tests'.</summary>
    public double? MinDelta { get; init; }
}

/// <summary>
/// <c>kind</c> <c>inline</c> (<c>files</c>), <c>git</c> (<c>gitUrl</c>, optional <c>gitRef</c>) or
/// <c>archive</c> (<c>archiveSha256</c> from <c>POST /api/sources</c>).
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record SourceRequest
{
    public string? Kind { get; init; }
    public string? GitUrl { get; init; }
    public string? GitRef { get; init; }
    public string? ArchiveSha256 { get; init; }
    public IReadOnlyList<InlineFileRequest?>? Files { get; init; }

    /// <summary>Accepted only to say that <c>path</c> sources are for the <c>questmesh</c> command.</summary>
    public string? Path { get; init; }
}

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record InlineFileRequest
{
    /// <summary>Relative to the project root, forward slashes.</summary>
    public string? Path { get; init; }

    /// <summary>The file's text (may be empty, as an <c>__init__.py</c> often is).</summary>
    public string? Content { get; init; }
}

/// <summary>See <see cref="Contracts.RunSettings"/> for the defaults.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record RunSettingsRequest
{
    /// <summary>1 to 50; default 3.</summary>
    public int? MaxAttempts { get; init; }

    /// <summary>Percent, 0 to 100; default 90.</summary>
    public double? TargetCoverage { get; init; }

    /// <summary>Percent, 0 to 100; default 50.</summary>
    public double? TargetMutation { get; init; }

    /// <summary><c>auto</c>, <c>search</c> or <c>llm</c>; default auto.</summary>
    public string? Strategy { get; init; }

    /// <summary>The offline search's seed; default 42.</summary>
    public int? Seed { get; init; }

    /// <summary>0 to 10; default 2.</summary>
    public int? MaxFixRounds { get; init; }

    /// <summary>Seconds the offline search may spend per attempt, 1 to 3600; default 20.</summary>
    public int? SearchBudgetSeconds { get; init; }

    /// <summary>Score a sample of at most this many mutants (1 to 100000); default all.</summary>
    public int? MaxMutants { get; init; }
}
