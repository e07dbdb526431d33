using System.ComponentModel.DataAnnotations;

namespace QuestMesh.Orchestrator;

/// <summary>Section <c>Persistence</c>: where run state and artifacts live.</summary>
public sealed class PersistenceOptions
{
    public const string Section = "Persistence";

    /// <summary><c>InMemory</c> (one process, the embedded default) or <c>PostgreSql</c>.</summary>
    [Required, RegularExpression("^(InMemory|PostgreSql)$", ErrorMessage = "Persistence:Provider must be InMemory or PostgreSql.")]
    public string Provider { get; set; } = "InMemory";

    /// <summary>The Npgsql connection string; required with <c>PostgreSql</c>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// Where runs' artifacts go: <c>Files</c> (under <c>Orchestrator:ArtifactsRoot</c>) or <c>Database</c>
    /// (PostgreSQL, needs <c>Provider=PostgreSql</c>). Empty: <c>Database</c> with PostgreSQL, else <c>Files</c>.
    /// </summary>
    [RegularExpression("^(Files|Database)?$", ErrorMessage = "Persistence:Artifacts must be Files or Database.")]
    public string? Artifacts { get; set; }

    public bool ArtifactsInDatabase => string.IsNullOrEmpty(Artifacts)
        ? UsesPostgreSql
        : string.Equals(Artifacts, "Database", StringComparison.OrdinalIgnoreCase);

    public bool UsesPostgreSql => string.Equals(Provider, "PostgreSql", StringComparison.OrdinalIgnoreCase);
}
