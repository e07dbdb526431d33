using Yarp.ReverseProxy.Transforms;
using Yarp.ReverseProxy.Transforms.Builder;
using QuestMesh.Gateway.ApiKeys;

namespace QuestMesh.Gateway.Proxy;

/// <summary>
/// On every proxied request: the caller's tenant header and API key are dropped, and the tenant the key
/// maps to is set, so a service behind the gateway can trust the header and never sees a key.
/// </summary>
internal static class TenantTransforms
{
    public static void Apply(TransformBuilderContext builder) =>
        builder.AddRequestTransform(context =>
        {
            var headers = context.ProxyRequest.Headers;
            headers.Remove(GatewayOptions.TenantHeader);
            headers.Remove(GatewayOptions.ApiKeyHeader);
            var tenant = context.HttpContext.User.FindFirst(ApiKeyAuthenticationHandler.TenantClaim)?.Value;
            if (tenant is not null)
                headers.TryAddWithoutValidation(GatewayOptions.TenantHeader, tenant);
            return ValueTask.CompletedTask;
        });
}
