using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace QuestMesh.Generator.Llm;

public static class LlmClientRegistration
{
    /// <summary>
    /// The model's HTTP client with its one retry policy: exponential backoff with jitter on 429, 5xx,
    /// 408, timeouts and connection failures (a server's Retry-After wins); every other status fails at once.
    /// </summary>
    public static IServiceCollection AddLlmClient(this IServiceCollection services)
    {
        services.TryAddSingleton<LlmClient>();
        services.AddHttpClient(LlmClient.HttpClientName, http => http.Timeout = Timeout.InfiniteTimeSpan)
            .AddResilienceHandler("llm", (pipeline, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<LlmOptions>>().Value;
                if (options.MaxRetries > 0)
                {
                    pipeline.AddRetry(new HttpRetryStrategyOptions
                    {
                        MaxRetryAttempts = options.MaxRetries,
                        Delay = TimeSpan.FromSeconds(options.RetryDelaySeconds),
                        MaxDelay = TimeSpan.FromSeconds(ChatClients.MaxRetryDelaySeconds),
                        BackoffType = DelayBackoffType.Exponential,
                        UseJitter = true,
                        ShouldRetryAfterHeader = true,
                    });
                }
                pipeline.AddTimeout(TimeSpan.FromSeconds(options.TimeoutSeconds));
            });
        return services;
    }
}
