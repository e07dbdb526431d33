using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace QuestMesh.Tests.Llm;

/// <summary>A request the scripted server received.</summary>
public sealed record ReceivedLlmRequest(string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, JsonObject? Body)
{
    /// <summary>The text of the chat message with <paramref name="role"/> (system or user).</summary>
    public string Message(string role) =>
        (Body?["messages"] as JsonArray)?.FirstOrDefault(m => m?["role"]?.GetValue<string>() == role)?["content"] switch
        {
            JsonValue text => text.GetValue<string>(),
            JsonArray parts => string.Concat(parts.Select(p => p?["text"]?.GetValue<string>())),
            _ => "",
        };
}

/// <summary>
/// An OpenAI-compatible HTTP server on a free loopback port, started by a test: it answers each request
/// with the next scripted reply (500 when the script is used up) and records what it received.
/// </summary>
public sealed class ScriptedLlmServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<(int Status, string Body)> _script = new();
    private readonly ConcurrentQueue<ReceivedLlmRequest> _received = new();
    private WebApplication? _app;

    public string BaseUrl { get; private set; } = "";

    public IReadOnlyList<ReceivedLlmRequest> Received => _received.ToArray();

    public static async Task<ScriptedLlmServer> StartAsync()
    {
        var server = new ScriptedLlmServer();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.Map("/{**path}", server.AnswerAsync);
        await app.StartAsync();
        server._app = app;
        server.BaseUrl = app.Urls.Single();
        return server;
    }

    public ScriptedLlmServer Then(int status, string body)
    {
        _script.Enqueue((status, body));
        return this;
    }

    public ScriptedLlmServer ThenError(int status, string message) =>
        Then(status, new JsonObject { ["error"] = new JsonObject { ["message"] = message, ["type"] = "scripted" } }.ToJsonString());

    /// <summary>A chat completion; <paramref name="logprobs"/> gives each token's log-probability and its listed alternatives.</summary>
    public ScriptedLlmServer ThenAnswer(string content, int promptTokens = 100, int completionTokens = 50, string model = "scripted",
        IEnumerable<(double Logprob, double[] Top)>? logprobs = null)
    {
        var choice = new JsonObject
        {
            ["index"] = 0,
            ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = content },
            ["finish_reason"] = "stop",
        };
        if (logprobs is not null)
        {
            var tokens = new JsonArray();
            var n = 0;
            foreach (var (logprob, top) in logprobs)
            {
                var token = $"t{n++}";
                tokens.Add(new JsonObject
                {
                    ["token"] = token, ["logprob"] = logprob, ["bytes"] = new JsonArray(116),
                    ["top_logprobs"] = new JsonArray(top.Select((lp, i) => (JsonNode)new JsonObject
                    {
                        ["token"] = $"{token}_{i}", ["logprob"] = lp, ["bytes"] = new JsonArray(116),
                    }).ToArray()),
                });
            }
            choice["logprobs"] = new JsonObject { ["content"] = tokens };
        }
        return Then(200, new JsonObject
        {
            ["id"] = "chatcmpl-scripted",
            ["object"] = "chat.completion",
            ["created"] = 1_700_000_000,
            ["model"] = model,
            ["choices"] = new JsonArray(choice),
            ["usage"] = new JsonObject
            {
                ["prompt_tokens"] = promptTokens, ["completion_tokens"] = completionTokens, ["total_tokens"] = promptTokens + completionTokens,
            },
        }.ToJsonString());
    }

    private async Task AnswerAsync(HttpContext http)
    {
        using var reader = new StreamReader(http.Request.Body);
        var text = await reader.ReadToEndAsync();
        JsonObject? body = null;
        try
        {
            body = text.Length == 0 ? null : JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
        }
        _received.Enqueue(new ReceivedLlmRequest(http.Request.Method, http.Request.Path.Value ?? "", http.Request.QueryString.Value ?? "",
            http.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase), body));
        var (status, reply) = _script.TryDequeue(out var next)
            ? next
            : (500, """{"error":{"message":"the test scripted no more replies"}}""");
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(reply);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
            await _app.DisposeAsync();
    }
}
