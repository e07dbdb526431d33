using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace QuestMesh.Orchestrator.Apis;

/// <summary>
/// Whose request this is. Behind the gateway (<c>Api:TrustTenantHeader</c>) the tenant is the value of
/// <see cref="ApiOptions.TenantHeader"/>, which only the gateway sets; without it, no request has a tenant
/// and one that names a tenant is refused, so nobody believes in an isolation that is not there.
/// </summary>
public static class Tenancy
{
    private const int MaxLength = 128;
    private static readonly object TenantKey = new();

    /// <summary>The endpoint filter of the API's groups: a bad or untrusted tenant header is answered with a 400 here.</summary>
    public static async ValueTask<object?> Filter(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var options = http.RequestServices.GetRequiredService<IOptions<ApiOptions>>().Value;
        var (tenant, problem) = Resolve(http.Request.Headers[ApiOptions.TenantHeader], options.TrustTenantHeader);
        if (problem is not null)
            return Problems.Invalid(ApiOptions.TenantHeader, problem, "The tenant header is not accepted");
        http.Items[TenantKey] = tenant;
        return await next(context);
    }

    /// <summary>The tenant <see cref="Filter"/> found for this request (null: none).</summary>
    public static string? Of(HttpContext http) => http.Items.TryGetValue(TenantKey, out var tenant) ? tenant as string : null;

    public static (string? Tenant, string? Problem) Resolve(Microsoft.Extensions.Primitives.StringValues header, bool trusted)
    {
        if (header.Count == 0)
            return (null, null);
        if (!trusted)
            return (null, $"is set by the QuestMesh gateway only, and this API does not take it from callers (Api:TrustTenantHeader is false); send the request without it");
        if (header.Count > 1)
            return (null, "appears more than once; a request has one tenant");
        var tenant = header[0] ?? "";
        if (tenant.Length is 0 or > MaxLength || !tenant.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            return (null, $"must be 1 to {MaxLength} letters, digits, '-', '_' or '.'");
        return (tenant, null);
    }
}
