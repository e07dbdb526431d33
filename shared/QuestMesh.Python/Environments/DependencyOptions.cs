using System.ComponentModel.DataAnnotations;

namespace QuestMesh.Python.Environments;

/// <summary>
/// Section <c>Python:Dependencies</c>: where a project's declared dependencies are installed from, into a virtual
/// environment per set of requirements that every sandboxed step of its run uses. With neither an index nor a wheel
/// folder nothing is installed: what the worker's own Python lacks is reported, and the run goes on without it.
/// </summary>
public sealed class DependencyOptions : IValidatableObject
{
    public const string Section = "Python:Dependencies";

    /// <summary>
    /// A package index (the simple API pip reads, such as a company mirror). Setting it gives the sandbox that installs
    /// the network; nothing else ever gets it.
    /// </summary>
    public string? IndexUrl { get; set; }

    /// <summary>A folder of wheels (and, with <see cref="OnlyBinary"/> off, source archives) to install from, offline.</summary>
    public string? WheelFolder { get; set; }

    /// <summary>
    /// Install wheels only (pip's <c>--only-binary :all:</c>): a source distribution runs its own build code at install
    /// time. Off: source distributions are built too, in the same sandbox.
    /// </summary>
    public bool OnlyBinary { get; set; } = true;

    /// <summary>Where the environments are kept, one folder per set of requirements and settings; reused across runs.</summary>
    [Required]
    public string Root { get; set; } = Path.Combine(Path.GetTempPath(), "questmesh-environments");

    /// <summary>Wall-clock limit of installing one environment (seconds).</summary>
    [Range(10, 86400)]
    public int InstallTimeoutSeconds { get; set; } = 900;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (IndexUrl is { Length: > 0 } url
            && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)))
            yield return new ValidationResult("Python:Dependencies:IndexUrl must be an http or https URL of a package index.", [nameof(IndexUrl)]);
        if (WheelFolder is { Length: > 0 } folder && !Path.IsPathFullyQualified(folder))
            yield return new ValidationResult("Python:Dependencies:WheelFolder must be an absolute folder path.", [nameof(WheelFolder)]);
    }

    /// <summary>Whether there is anywhere to install from.</summary>
    public bool HasSource => IndexUrl is { Length: > 0 } || WheelFolder is { Length: > 0 };
}
