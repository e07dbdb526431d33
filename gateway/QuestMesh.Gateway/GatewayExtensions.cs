using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using QuestMesh.Gateway.ApiKeys;
using QuestMesh.Gateway.Limits;
using QuestMesh.Gateway.Proxy;
using QuestMesh.ServiceDefaults;

namespace QuestMesh.Gateway;

public static class GatewayExtensions
{
    /// <summary>The authorization policy routes name in <c>ReverseProxy:Routes:*:AuthorizationPolicy</c>.</summary>
    public const string ApiKeyPolicy = "api-key";

    /// <summary>API keys mapped to tenants, per-key rate limits, the body size limit and the YARP proxy from configuration.</summary>
    public static IHostApplicationBuilder AddGateway(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddQuestMeshOptions<GatewayOptions>(GatewayOptions.Section);
        services.AddSingleton<IValidateOptions<GatewayOptions>, GatewayOptionsValidator>();
        services.AddProblemDetails();

        services.AddSingleton<ApiKeyRegistry>();
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(ApiKeyPolicy, policy => policy
                .AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName)
                .RequireClaim(ApiKeyAuthenticationHandler.TenantClaim));
        services.AddPerKeyRateLimits();

        services.AddOptions<KestrelServerOptions>()
            .Configure<IOptions<GatewayOptions>>((kestrel, gateway) => kestrel.Limits.MaxRequestBodySize = gateway.Value.MaxRequestBytes);

        services.AddReverseProxy()
            .LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"))
            .AddTransforms(TenantTransforms.Apply);
        services.AddHealthChecks().AddCheck<ClusterHealthCheck>("clusters");
        return builder;
    }

    /// <summary>The request pipeline: size limit, key, authorization, rate limit, then health endpoints and the proxy.</summary>
    public static WebApplication MapGateway(this WebApplication app)
    {
        app.UseRequestSizeLimit();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.MapDefaultEndpoints();
        app.MapReverseProxy(proxy => proxy.UseOversizedBodyAnswer().UseSessionAffinity().UseLoadBalancing().UsePassiveHealthChecks());
        return app;
    }
}
