using System.ComponentModel.DataAnnotations;

namespace QuestMesh.Orchestrator.Apis;

/// <summary>Section <c>Api</c>: whom the HTTP API believes about tenants, and how much it reads from one request.</summary>
public sealed class ApiOptions
{
    public const string Section = "Api";

    /// <summary>The header that names the caller's tenant; the gateway sets it from the API key.</summary>
    public const string TenantHeader = "X-QuestMesh-Tenant";

    private const long MiB = 1024 * 1024;

    /// <summary>
    /// Read the tenant from <see cref="TenantHeader"/>. Only behind the gateway, which strips the header from
    /// outside requests and sets it itself; elsewhere a request carrying it is refused.
    /// </summary>
    public bool TrustTenantHeader { get; set; }

    /// <summary>Largest JSON request body (bytes); past it the API answers 413.</summary>
    [Range(typeof(long), "1024", "1073741824", ErrorMessage = "Api:MaxRequestBytes must be between 1024 and 1073741824.")]
    public long MaxRequestBytes { get; set; } = 4 * MiB;

    /// <summary>Largest archive uploaded to <c>POST /api/sources</c> (bytes, compressed); past it the API answers 413.</summary>
    [Range(typeof(long), "1024", "1099511627776", ErrorMessage = "Api:MaxArchiveBytes must be between 1024 and 1099511627776.")]
    public long MaxArchiveBytes { get; set; } = 100 * MiB;

    /// <summary>Most files an <c>inline</c> source may hold.</summary>
    [Range(1, 10_000)]
    public int MaxInlineFiles { get; set; } = 200;

    /// <summary>Largest content of one inline file (bytes, UTF-8).</summary>
    [Range(1, int.MaxValue)]
    public int MaxInlineFileBytes { get; set; } = (int)MiB;

    /// <summary>Most runs one page of <c>GET /api/runs</c> may ask for.</summary>
    [Range(1, 1000)]
    public int MaxPageSize { get; set; } = 100;

    /// <summary>How often an event stream with nothing to say sends a comment line, so proxies keep it open.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan EventsKeepAlive { get; set; } = TimeSpan.FromSeconds(15);
}
