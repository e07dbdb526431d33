using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using QuestMesh.Gateway.ApiKeys;

namespace QuestMesh.Gateway.Limits;

/// <summary>Per-key request budgets: a fixed one-minute window per key; over it, 429 with <c>Retry-After</c>.</summary>
internal static class RateLimits
{
    /// <summary>The policy name routes refer to in <c>ReverseProxy:Routes:*:RateLimiterPolicy</c>.</summary>
    public const string PerKey = "per-key";

    public static IServiceCollection AddPerKeyRateLimits(this IServiceCollection services) =>
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(PerKey, context =>
            {
                var keyId = context.User.FindFirst(ApiKeyAuthenticationHandler.KeyIdClaim)?.Value;
                if (keyId is null)
                    return RateLimitPartition.GetNoLimiter("anonymous"); // refused by authorization anyway
                var registry = context.RequestServices.GetRequiredService<ApiKeyRegistry>();
                var perMinute = registry.LimitOf(keyId);
                return RateLimitPartition.GetFixedWindowLimiter(keyId, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = perMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                });
            });
            limiter.OnRejected = async (rejected, cancellationToken) =>
            {
                var http = rejected.HttpContext;
                var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
                var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
                http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails = new ProblemDetails
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Title = "Too many requests",
                        Detail = $"This API key used its requests for this minute; try again in {seconds} s.",
                    },
                });
            };
        });
}
