namespace QuestMesh.Contracts;

/// <summary>Where a run's Python project comes from. <see cref="Kind"/> is one of <see cref="SourceKinds"/>.</summary>
public record SourceSpec
{
    public string Kind { get; init; } = SourceKinds.Path;

    /// <summary>A local directory (embedded mode only).</summary>
    public string? Path { get; init; }

    public string? GitUrl { get; init; }
    public string? GitRef { get; init; }

    /// <summary>sha256 of an archive uploaded to the API.</summary>
    public string? ArchiveSha256 { get; init; }

    /// <summary>A few files given in the request itself (relative path → content).</summary>
    public IReadOnlyList<InlineFile>? Files { get; init; }

    /// <summary>
    /// The project's folder within the source, relative, forward slashes (<c>backend</c>): the Python root a
    /// whole-repository run found. Null or empty: the whole source is the project.
    /// </summary>
    public string? Root { get; init; }

    /// <summary>
    /// The project's declared dependencies (requirement strings as pip reads them). Each worker installs them once
    /// into a virtual environment of its own, and every sandboxed step of the run uses it; none: the worker's own
    /// Python.
    /// </summary>
    public IReadOnlyList<string>? Requirements { get; init; }
}
