using System.ClientModel;
using System.Text.Json;
using Polly.Timeout;

namespace QuestMesh.Llm;

/// <summary>Failed model calls as messages a person can act on. The API key never appears in them.</summary>
internal static class LlmErrors
{
    private const int MaxServerMessageChars = 300;

    public static LlmException? Explain(Exception error, LlmOptions options)
    {
        var where = options.IsAzure
            ? $"Azure OpenAI at {options.Endpoint} (deployment '{options.Model}', api-version {options.AzureApiVersion})"
            : $"the model endpoint {options.Endpoint} (model '{options.Model}')";
        var timeout = FindInner<TimeoutRejectedException>(error);
        if (timeout is not null)
            return new LlmException(
                $"{Capitalise(where)} did not answer within Generator:Llm:TimeoutSeconds = {options.TimeoutSeconds} s, " +
                $"{Tries(options)}. Raise the timeout, lower Generator:Llm:MaxTokens, or check the server's load.", null, error);
        if (error is not ClientResultException result)
            return null;
        var server = Redact(ServerMessage(result), options);
        var said = server is null ? "" : $" The server said: {server}";
        var message = result.Status switch
        {
            0 => $"Could not reach {where}, {Tries(options)}: {Redact(result.InnerException?.Message ?? result.Message, options)}. " +
                 "Check Generator:Llm:Endpoint and that the server is running.",
            400 => $"{Capitalise(where)} rejected the request (400 Bad Request).{said} Check Generator:Llm:Model and Generator:Llm:MaxTokens; " +
                   "if the server does not support token log-probabilities, set Generator:Llm:Logprobs to false.",
            401 => $"{Capitalise(where)} refused the credentials (401 Unauthorized).{said} " +
                   $"Set a valid key in Generator:Llm:ApiKey (environment variable QUESTMESH_Generator__Llm__ApiKey){(options.IsAzure ? " from the Azure resource's Keys page" : "")}.",
            403 => $"{Capitalise(where)} does not allow this key to use the model (403 Forbidden).{said} " +
                   "Check the key's permissions, its project or organisation, and the model's access.",
            404 => $"{Capitalise(where)} has no such {(options.IsAzure ? "deployment" : "model or path")} (404 Not Found).{said} " +
                   (options.IsAzure
                       ? "Check that Generator:Llm:Model is the deployment name and Generator:Llm:Endpoint the resource URL (https://<resource>.openai.azure.com)."
                       : "Check Generator:Llm:Model, and that Generator:Llm:Endpoint is the API base URL (usually ending in /v1)."),
            429 => $"{Capitalise(where)} kept rate-limiting the requests (429 Too Many Requests), {Tries(options)}.{said} " +
                   "Wait, raise the account's limits, or raise Generator:Llm:MaxRetries and Generator:Llm:RetryDelaySeconds.",
            >= 500 => $"{Capitalise(where)} failed ({result.Status}), {Tries(options)}.{said} Try again later or check the server's logs.",
            _ => $"{Capitalise(where)} answered {result.Status}.{said}",
        };
        return new LlmException(message, result.Status == 0 ? null : result.Status, error);
    }

    private static string Tries(LlmOptions options) =>
        options.MaxRetries == 0 ? "without retries (Generator:Llm:MaxRetries = 0)" : $"also after {options.MaxRetries} retries";

    private static string Capitalise(string text) => char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>The <c>error.message</c> of an OpenAI-style error body, else the start of the body.</summary>
    private static string? ServerMessage(ClientResultException error)
    {
        var body = error.GetRawResponse()?.Content?.ToString();
        if (string.IsNullOrWhiteSpace(body))
            return null;
        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.ValueKind == JsonValueKind.Object
                && json.RootElement.TryGetProperty("error", out var inner))
            {
                if (inner.ValueKind == JsonValueKind.String)
                    return Shorten(inner.GetString());
                if (inner.ValueKind == JsonValueKind.Object && inner.TryGetProperty("message", out var message))
                    return Shorten(message.GetString());
            }
        }
        catch (JsonException)
        {
        }
        return Shorten(body);
    }

    private static string? Shorten(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        var line = string.Join(' ', text.Split(['\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return line.Length <= MaxServerMessageChars ? line : line[..MaxServerMessageChars] + "…";
    }

    internal static string? Redact(string? text, LlmOptions options) =>
        text is null || string.IsNullOrEmpty(options.ApiKey) ? text : text.Replace(options.ApiKey, "***", StringComparison.Ordinal);

    private static T? FindInner<T>(Exception? error) where T : Exception
    {
        for (var current = error; current is not null; current = current.InnerException)
        {
            if (current is T found)
                return found;
        }
        return null;
    }
}
