using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using QuestMesh.ServiceDefaults;

namespace QuestMesh.Llm;

public static class LlmClientRegistration
{
    /// <summary>
    /// The model for any service that asks one (the generator, the supervisor): <see cref="LlmOptions"/> bound
    /// from <c>Generator:Llm</c> and validated at start, and <see cref="AddLlmClient"/>. Safe to call from every
    /// service a host composes: the second call adds nothing.
    /// </summary>
    public static IServiceCollection AddLlm(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(LlmClient)))
            return services;
        services.AddQuestMeshOptions<LlmOptions>(LlmOptions.Section)
            .Validate(LlmOptions.HasValidEndpoint, "Generator:Llm:Endpoint must be an absolute http(s) URL, e.g. http://localhost:11434/v1.")
            .Validate(LlmOptions.HasModelWhenConfigured, "Generator:Llm:Model is required when Generator:Llm:Endpoint is set.")
            .Validate(LlmOptions.HasKnownFlavour, $"Generator:Llm:Flavour must be one of {string.Join(", ", LlmFlavours.All)}.")
            .Validate(LlmOptions.HasValidPrices, "Generator:Llm:Prices: InputPerMillion and OutputPerMillion must not be negative.");
        return services.AddLlmClient();
    }

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
