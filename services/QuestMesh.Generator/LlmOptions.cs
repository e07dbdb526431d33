using System.ComponentModel.DataAnnotations;

namespace QuestMesh.Generator;

/// <summary>
/// Section <c>Generator:Llm</c>: an OpenAI-compatible endpoint (OpenAI, Azure OpenAI, vLLM, Ollama,
/// llama.cpp server). Without an endpoint the generator works offline with the search strategy.
/// </summary>
public sealed class LlmOptions
{
    public const string Section = "Generator:Llm";

    /// <summary>Base URL, e.g. <c>https://api.openai.com/v1</c> or <c>http://localhost:11434/v1</c>.</summary>
    public string? Endpoint { get; set; }

    public string? Model { get; set; }

    /// <summary>Sent as the bearer token; local servers usually need none.</summary>
    public string? ApiKey { get; set; }

    [Range(0.0, 2.0)]
    public double Temperature { get; set; } = 0.2;

    [Range(0.0, 1.0)]
    public double TopP { get; set; } = 0.95;

    [Range(1, 3600)]
    public int TimeoutSeconds { get; set; } = 120;

    [Range(0, 10)]
    public int MaxRetries { get; set; } = 3;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Endpoint);

    /// <summary>Where people set it, for messages that tell them how.</summary>
    public const string HowToConfigure =
        "set Generator:Llm:Endpoint (an OpenAI-compatible base URL such as https://api.openai.com/v1 or http://localhost:11434/v1), " +
        "Generator:Llm:Model and, if the server needs one, Generator:Llm:ApiKey " +
        "(environment variables Generator__Llm__Endpoint, Generator__Llm__Model, Generator__Llm__ApiKey)";

    internal static bool HasValidEndpoint(LlmOptions options) =>
        !options.IsConfigured
        || (Uri.TryCreate(options.Endpoint, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps));

    internal static bool HasModelWhenConfigured(LlmOptions options) =>
        !options.IsConfigured || !string.IsNullOrWhiteSpace(options.Model);
}
