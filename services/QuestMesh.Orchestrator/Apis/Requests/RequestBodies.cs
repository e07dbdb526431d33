using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace QuestMesh.Orchestrator.Apis.Requests;

/// <summary>Reads request bodies within their size setting, and JSON strictly (no numbers in strings, no duplicate fields).</summary>
public static class RequestBodies
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.Strict,
        AllowDuplicateProperties = false,
        MaxDepth = 16,
    };

    /// <summary>
    /// The body as a stream that refuses to read past <paramref name="limit"/>. A declared length past it
    /// is refused before anything is read; the server's own limit is lowered to it as well.
    /// </summary>
    public static Stream Limited(HttpRequest request, long limit, string setting)
    {
        if (request.ContentLength > limit)
            throw new RequestTooLargeException(limit, setting);
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            size.MaxRequestBodySize = limit + 1;
        return new LimitedReadStream(request.Body, limit, setting);
    }

    /// <summary>The body as <typeparamref name="T"/>, or the field errors that say why it cannot be read.</summary>
    public static Task<(T? Value, Dictionary<string, string[]>? Errors)> ReadJsonAsync<T>(
        HttpRequest request, long limit, string setting, CancellationToken cancellationToken) where T : class =>
        ReadJsonAsync<T>(request, limit, setting, Json, cancellationToken);

    /// <summary>As above, with other names (the task API's snake_case) under the same strict rules.</summary>
    public static async Task<(T? Value, Dictionary<string, string[]>? Errors)> ReadJsonAsync<T>(
        HttpRequest request, long limit, string setting, JsonSerializerOptions json, CancellationToken cancellationToken) where T : class
    {
        using var buffer = new MemoryStream();
        await Limited(request, limit, setting).CopyToAsync(buffer, cancellationToken);
        if (buffer.Length == 0)
            return (null, Error("body", "is empty; send a JSON object (see /openapi/v1.json)"));
        try
        {
            var value = JsonSerializer.Deserialize<T>(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), json);
            return value is null
                ? (null, Error("body", "is null; send a JSON object"))
                : (value, null);
        }
        catch (JsonException error)
        {
            var (field, message) = JsonErrors.Describe(error, typeof(T));
            return (null, Error(field, message));
        }
    }

    public static bool IsJson(string? contentType) =>
        contentType is not null
        && Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var media)
        && (media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || media.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase));

    private static Dictionary<string, string[]> Error(string field, string message) => new() { [field] = [message] };
}
