using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace QuestMesh.Gateway.ApiKeys;

/// <summary>Authenticates a request by its <c>X-Api-Key</c> header; the principal carries the key's tenant.</summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyRegistry registry,
    IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string TenantClaim = "questmesh:tenant";
    public const string KeyIdClaim = "questmesh:key";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(GatewayOptions.ApiKeyHeader, out var values) || string.IsNullOrEmpty(values.ToString()))
            return Task.FromResult(AuthenticateResult.NoResult());
        if (values.Count != 1)
            return Task.FromResult(AuthenticateResult.Fail($"Send exactly one {GatewayOptions.ApiKeyHeader} header."));

        var holder = registry.Find(values.ToString());
        if (holder is null)
        {
            Logger.LogWarning("Refused a request to {Path}: unknown API key", Request.Path);
            return Task.FromResult(AuthenticateResult.Fail("The API key is not known."));
        }

        var identity = new ClaimsIdentity(
            [new Claim(TenantClaim, holder.Tenant), new Claim(KeyIdClaim, holder.KeyId)], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await Context.AuthenticateAsync(SchemeName);
        var detail = result.Failure?.Message
            ?? $"This endpoint needs an API key: send it in the {GatewayOptions.ApiKeyHeader} header.";
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = SchemeName;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status401Unauthorized,
                Title = "API key missing or not valid",
                Detail = detail,
            },
        });
    }
}
