using System.ClientModel;
using System.ClientModel.Primitives;
using OpenAI;
using OpenAI.Chat;

namespace QuestMesh.Llm;

/// <summary>
/// The OpenAI SDK's <see cref="ChatClient"/> for the configured endpoint, on an <see cref="HttpClient"/>
/// whose handler retries (<see cref="LlmClientRegistration"/>): the SDK's own retries are off so that one policy decides.
/// </summary>
internal static class ChatClients
{
    public static ChatClient Create(LlmOptions options, HttpClient http)
    {
        var endpoint = options.Endpoint!.TrimEnd('/');
        var clientOptions = new OpenAIClientOptions
        {
            Endpoint = new Uri(options.IsAzure
                ? $"{endpoint}/openai/deployments/{Uri.EscapeDataString(options.Model!)}"
                : endpoint),
            Transport = new HttpClientPipelineTransport(http),
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = TotalTimeout(options),
        };
        clientOptions.AddPolicy(new LlmRequestPolicy(options), PipelinePosition.BeforeTransport);
        // The SDK insists on a credential; LlmRequestPolicy drops the header when no key is configured.
        var key = string.IsNullOrEmpty(options.ApiKey) ? "no-key" : options.ApiKey;
        return new ChatClient(options.Model!, new ApiKeyCredential(key), clientOptions);
    }

    /// <summary>Every attempt at its timeout plus the longest backoff between them: the SDK must not cut the retries short.</summary>
    public static TimeSpan TotalTimeout(LlmOptions options) =>
        TimeSpan.FromSeconds((options.TimeoutSeconds + MaxRetryDelaySeconds) * (options.MaxRetries + 1.0));

    public const double MaxRetryDelaySeconds = 60;
}
