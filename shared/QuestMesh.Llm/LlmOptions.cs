using System.ComponentModel.DataAnnotations;

namespace QuestMesh.Llm;

/// <summary>
/// Section <c>Generator:Llm</c>: an OpenAI-compatible endpoint (OpenAI, Azure OpenAI, vLLM, Ollama,
/// llama.cpp server). Without an endpoint the generator works offline with the search strategy. The
/// section keeps the generator's name because deployments set it so; the supervisor's suggestions
/// (<c>Supervisor:Llm:Enabled</c>) use the same model.
/// </summary>
public sealed class LlmOptions
{
    public const string Section = "Generator:Llm";

    /// <summary>
    /// Base URL: <c>https://api.openai.com/v1</c>, <c>http://localhost:11434/v1</c> (Ollama), or for
    /// Azure OpenAI the resource's URL, <c>https://&lt;resource&gt;.openai.azure.com</c>.
    /// </summary>
    public string? Endpoint { get; set; }

    /// <summary>The model name; for Azure OpenAI the deployment name.</summary>
    public string? Model { get; set; }

    /// <summary>OpenAI: sent as the bearer token (local servers usually need none). Azure: the <c>api-key</c> header. Never logged.</summary>
    public string? ApiKey { get; set; }

    /// <summary><see cref="LlmFlavours.OpenAI"/> (also every OpenAI-compatible server) or <see cref="LlmFlavours.AzureOpenAI"/>.</summary>
    public string Flavour { get; set; } = LlmFlavours.OpenAI;

    /// <summary>Azure OpenAI only: the <c>api-version</c> query parameter.</summary>
    public string AzureApiVersion { get; set; } = "2024-10-21";

    [Range(0.0, 2.0)]
    public double Temperature { get; set; } = 0.2;

    [Range(0.0, 1.0)]
    public double TopP { get; set; } = 0.95;

    /// <summary>Most tokens one answer may have.</summary>
    [Range(16, 200_000)]
    public int MaxTokens { get; set; } = 4096;

    /// <summary>Ask for token log-probabilities (entropy, average log-probability); turn off for servers that refuse them.</summary>
    public bool Logprobs { get; set; } = true;

    /// <summary>Alternatives per token the entropy is computed over.</summary>
    [Range(1, 20)]
    public int TopLogprobs { get; set; } = 5;

    /// <summary>Seconds one request may take before it is abandoned (and retried).</summary>
    [Range(1, 3600)]
    public int TimeoutSeconds { get; set; } = 120;

    /// <summary>Retries after a rate limit (429), a server error, a timeout or a lost connection.</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 3;

    /// <summary>First wait before a retry; it grows exponentially with jitter, and a server's Retry-After wins.</summary>
    [Range(0.0, 600.0)]
    public double RetryDelaySeconds { get; set; } = 2.0;

    /// <summary>A folder whose prompt templates (<c>system.md</c>, <c>enhance.md</c>, <c>supervise.md</c>, …) replace the shipped ones file by file.</summary>
    public string? PromptsFolder { get; set; }

    /// <summary>Price per million tokens, by model name (case-insensitive); a model not listed costs 0.</summary>
    public Dictionary<string, LlmPrice> Prices { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Endpoint);

    public bool IsAzure => string.Equals(Flavour, LlmFlavours.AzureOpenAI, StringComparison.OrdinalIgnoreCase);

    /// <summary>Where people set it, for messages that tell them how.</summary>
    public const string HowToConfigure =
        "set QUESTMESH_Generator__Llm__Endpoint (an OpenAI-compatible base URL, e.g. http://localhost:11434/v1), " +
        "QUESTMESH_Generator__Llm__Model and, if the server needs one, QUESTMESH_Generator__Llm__ApiKey " +
        "(settings Generator:Llm:Endpoint, Model, ApiKey)";

    internal static bool HasValidEndpoint(LlmOptions options) =>
        !options.IsConfigured
        || (Uri.TryCreate(options.Endpoint, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps));

    internal static bool HasModelWhenConfigured(LlmOptions options) =>
        !options.IsConfigured || !string.IsNullOrWhiteSpace(options.Model);

    internal static bool HasKnownFlavour(LlmOptions options) =>
        LlmFlavours.All.Contains(options.Flavour, StringComparer.OrdinalIgnoreCase);

    internal static bool HasValidPrices(LlmOptions options) =>
        options.Prices.Values.All(p => p.InputPerMillion >= 0 && p.OutputPerMillion >= 0);
}
