using System.ComponentModel.DataAnnotations;

namespace QuestMesh.Gateway;

/// <summary>The gateway's own settings (section <c>Gateway</c>); the routes and clusters are YARP's <c>ReverseProxy</c> section.</summary>
public sealed class GatewayOptions
{
    public const string Section = "Gateway";

    /// <summary>The header callers send their key in.</summary>
    public const string ApiKeyHeader = "X-Api-Key";

    /// <summary>The header the orchestrator reads the tenant from; set here from the key, never passed on from outside.</summary>
    public const string TenantHeader = "X-QuestMesh-Tenant";

    /// <summary>The keys the gateway accepts, each mapped to one tenant.</summary>
    public List<ApiKeyEntry> ApiKeys { get; set; } = [];

    /// <summary>Requests per minute one key may make, unless its entry says otherwise.</summary>
    [Range(1, 1_000_000)]
    public int RequestsPerMinute { get; set; } = 120;

    /// <summary>The largest request body accepted (bytes); larger ones answer 413 before they reach a service.</summary>
    [Range(1, 4L * 1024 * 1024 * 1024)]
    public long MaxRequestBytes { get; set; } = 64L * 1024 * 1024;
}

public sealed class ApiKeyEntry
{
    /// <summary>The secret itself; at least 16 characters.</summary>
    [Required, MinLength(16)]
    public string Key { get; set; } = "";

    /// <summary>Whose runs the key reaches: letters, digits, '.', '_' or '-'.</summary>
    [Required, RegularExpression("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    public string Tenant { get; set; } = "";

    /// <summary>This key's own limit (requests per minute); empty uses <see cref="GatewayOptions.RequestsPerMinute"/>.</summary>
    [Range(1, 1_000_000)]
    public int? RequestsPerMinute { get; set; }
}
