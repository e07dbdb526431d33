namespace QuestMesh.Llm;

/// <summary>Values of <see cref="LlmOptions.Flavour"/>: how requests are addressed and authenticated.</summary>
public static class LlmFlavours
{
    /// <summary><c>{Endpoint}/chat/completions</c> with a bearer token: OpenAI, vLLM, Ollama, llama.cpp server.</summary>
    public const string OpenAI = "OpenAI";

    /// <summary><c>{Endpoint}/openai/deployments/{Model}/chat/completions?api-version=…</c> with an <c>api-key</c> header.</summary>
    public const string AzureOpenAI = "AzureOpenAI";

    public static readonly IReadOnlyList<string> All = [OpenAI, AzureOpenAI];
}
