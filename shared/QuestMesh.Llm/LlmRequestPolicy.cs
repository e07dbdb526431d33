using System.ClientModel.Primitives;

namespace QuestMesh.Llm;

/// <summary>
/// How a request is authenticated and addressed per flavour, just before it is sent: OpenAI-compatible
/// servers keep the SDK's bearer token, or none when no key is set (local servers need none); Azure
/// OpenAI gets an <c>api-key</c> header instead, and its <c>api-version</c> query parameter.
/// </summary>
internal sealed class LlmRequestPolicy(LlmOptions options) : PipelinePolicy
{
    public override void Process(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        Apply(message);
        ProcessNext(message, pipeline, currentIndex);
    }

    public override async ValueTask ProcessAsync(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        Apply(message);
        await ProcessNextAsync(message, pipeline, currentIndex);
    }

    private void Apply(PipelineMessage message)
    {
        var request = message.Request;
        if (options.IsAzure)
        {
            request.Headers.Remove("Authorization");
            if (!string.IsNullOrEmpty(options.ApiKey))
                request.Headers.Set("api-key", options.ApiKey);
            var uri = new UriBuilder(request.Uri!);
            var query = uri.Query.TrimStart('?');
            if (!query.Contains("api-version=", StringComparison.Ordinal))
                uri.Query = (query.Length == 0 ? "" : query + "&") + "api-version=" + Uri.EscapeDataString(options.AzureApiVersion);
            request.Uri = uri.Uri;
        }
        else if (string.IsNullOrEmpty(options.ApiKey))
        {
            request.Headers.Remove("Authorization");
        }
    }
}
