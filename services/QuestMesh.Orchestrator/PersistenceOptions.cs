using System.ComponentModel.DataAnnotations;

namespace QuestMesh.Orchestrator;

/// <summary>Section <c>Persistence</c>: where run state lives.</summary>
public sealed class PersistenceOptions
{
    public const string Section = "Persistence";

    /// <summary><c>InMemory</c> (one process, the embedded default) or <c>PostgreSql</c>.</summary>
    [Required, RegularExpression("^(InMemory|PostgreSql)$", ErrorMessage = "Persistence:Provider must be InMemory or PostgreSql.")]
    public string Provider { get; set; } = "InMemory";

    /// <summary>The Npgsql connection string; required with <c>PostgreSql</c>.</summary>
    public string? ConnectionString { get; set; }

    public bool UsesPostgreSql => string.Equals(Provider, "PostgreSql", StringComparison.OrdinalIgnoreCase);
}
