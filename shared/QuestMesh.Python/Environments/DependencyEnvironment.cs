using System.Text.Json.Serialization;
using QuestMesh.Python.Harness;

namespace QuestMesh.Python.Environments;

/// <summary>
/// A project's dependencies as prepared on this worker: a virtual environment (<see cref="Folder"/>) that sees the
/// system's packages and holds what was installed for the project, or none when nothing was (the worker's own Python
/// then runs its steps). <see cref="Requirements"/> says what became of each requirement; <see cref="Problem"/> why
/// nothing could be prepared at all.
/// </summary>
public sealed record DependencyEnvironment
{
    public required string Key { get; init; }

    /// <summary>The virtual environment; null when nothing was installed into one.</summary>
    public string? Folder { get; init; }

    /// <summary>Where packages were installed from: the index (without credentials), the wheel folder, or nowhere.</summary>
    public string Source { get; init; } = "";

    public IReadOnlyList<RequirementOutcome> Requirements { get; init; } = [];

    /// <summary><c>name version</c> of what the environment itself holds (dependencies of dependencies included).</summary>
    public IReadOnlyList<string> Installed { get; init; } = [];

    /// <summary>Why the environment could not be prepared at all (its requirements then all count as absent).</summary>
    public string? Problem { get; init; }

    /// <summary>The end of pip's output, for a person looking into a failure.</summary>
    public string PipLog { get; init; } = "";

    [JsonIgnore]
    public string? Interpreter => Folder is null ? null : Path.Combine(Folder, "bin", "python");

    /// <summary>How the steps of a project with this environment run; null: on the worker's own Python.</summary>
    [JsonIgnore]
    public HarnessRuntime? Runtime => Folder is null ? null : new HarnessRuntime { Interpreter = Interpreter, ReadOnly = [Folder] };

    /// <summary>The requirements that are not there for the tests (missing, or failed to install).</summary>
    [JsonIgnore]
    public IReadOnlyList<RequirementOutcome> Absent => Requirements.Where(r => r.IsAbsent).ToList();
}
