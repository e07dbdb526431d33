using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace QuestMesh.Gateway.Tests;

/// <summary>
/// A real HTTP server on a loopback port standing where the orchestrator stands: it answers every
/// path with the request's headers and body length, and records what reached it.
/// </summary>
public sealed class RecordingBackend : IAsyncDisposable
{
    private readonly WebApplication _app;

    public ConcurrentQueue<ReceivedRequest> Received { get; } = new();

    public string Address { get; }

    private RecordingBackend(WebApplication app, string address)
    {
        _app = app;
        Address = address;
    }

    /// <summary>A backend on <paramref name="port"/> (0: a free one).</summary>
    public static async Task<RecordingBackend> StartAsync(int port = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        RecordingBackend? backend = null;
        app.Map("/health/ready", () => Results.Text("Healthy"));
        app.Map("/{**rest}", async (HttpContext context) =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            backend!.Received.Enqueue(new ReceivedRequest(context.Request.Method, context.Request.Path, headers, body.Length));
            return Results.Json(new { path = context.Request.Path.Value, length = body.Length });
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        backend = new RecordingBackend(app, address.TrimEnd('/') + "/");
        return backend;
    }

    public Task StopAsync() => _app.StopAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

public sealed record ReceivedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, long BodyLength);
