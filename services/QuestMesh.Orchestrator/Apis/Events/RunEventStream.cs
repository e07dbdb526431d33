using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using QuestMesh.Contracts;
using QuestMesh.Orchestrator.Apis.Responses;
using QuestMesh.Orchestrator.Artifacts;
using QuestMesh.Orchestrator.Queries;

namespace QuestMesh.Orchestrator.Apis.Events;

/// <summary>
/// A run's server-sent events: one <c>step</c> event per step (replayed from <c>events.log</c>, then live
/// from the bus, each once: its id is the step's key), and one <c>end</c> event with the run as
/// <c>GET /api/runs/{id}</c> shows it once the run has ended, after which the stream closes. A client that
/// reconnects with <c>Last-Event-ID</c> gets the steps after that one. Between events a comment line keeps
/// proxies from closing the stream; a stream also ends when the server stops.
/// </summary>
public sealed class RunEventStream(RunEventHub hub, IArtifactStore artifacts, IOptions<ApiOptions> options, IHostApplicationLifetime lifetime)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task WriteAsync(HttpContext http, RunRecord run, Func<CancellationToken, Task<RunRecord?>> reload)
    {
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, lifetime.ApplicationStopping);
        var ct = stopping.Token;
        using var live = hub.Subscribe(run.RunId);
        var response = http.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        http.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();

        var sent = new HashSet<Guid>();
        var resumeAfter = Guid.TryParse(http.Request.Headers["Last-Event-ID"], out var last) ? last : (Guid?)null;
        try
        {
            await response.StartAsync(ct);
            await ReplayAsync(response, run, sent, resumeAfter, ct);
            if (RunStatuses.IsFinal(run.Status))
            {
                await EndAsync(response, run, ct);
                return;
            }
            while (true)
            {
                var message = await NextAsync(live, ct);
                switch (message)
                {
                    case RunStateChanged changed:
                        if (sent.Add(changed.StepId))
                            await SendAsync(response, "step", changed.StepId.ToString(), RunStep.From(changed), ct);
                        if (!RunStatuses.IsFinal(RunStatusMap.StatusOf(changed.State)))
                            continue;
                        break;
                    case RunCompleted or RunFailed:
                        break;
                    case null:
                        await response.WriteAsync(": keep-alive\n\n", ct);
                        await response.Body.FlushAsync(ct);
                        break;
                    default:
                        continue;
                }
                // The run may have ended (or this stream missed announcements): the saga's own record decides.
                var now = await reload(ct);
                if (now is null)
                    return;
                if (!RunStatuses.IsFinal(now.Status))
                    continue;
                await ReplayAsync(response, now, sent, null, ct);
                await EndAsync(response, now, ct);
                return;
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The client left or the server is stopping: the stream just ends.
        }
    }

    /// <summary>The next announcement, or null when none came within the keep-alive interval.</summary>
    private async Task<object?> NextAsync(RunEventHub.Subscription live, CancellationToken ct)
    {
        using var quiet = CancellationTokenSource.CreateLinkedTokenSource(ct);
        quiet.CancelAfter(options.Value.EventsKeepAlive);
        try
        {
            return await live.Reader.ReadAsync(quiet.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return null;
        }
    }

    /// <summary>The steps <c>events.log</c> holds that this stream has not sent yet (after <paramref name="resumeAfter"/> when given).</summary>
    private async Task ReplayAsync(HttpResponse response, RunRecord run, HashSet<Guid> sent, Guid? resumeAfter, CancellationToken ct)
    {
        var log = await artifacts.ReadAsync(run.RunId, ArtifactNames.EventsLog, ct);
        if (log is null)
            return;
        var entries = log.Split('\n').Select(EventsLogLine.Parse).OfType<EventsLogEntry>().ToList();
        if (resumeAfter is { } after && entries.FindIndex(e => e.StepId == after) is var seen and >= 0)
        {
            foreach (var entry in entries.Take(seen + 1))
                sent.Add(entry.StepId);
        }
        foreach (var entry in entries)
        {
            if (sent.Add(entry.StepId))
                await SendAsync(response, "step", entry.StepId.ToString(), RunStep.From(run.RunId, run.SubmittedAt, entry), ct);
        }
    }

    private static Task EndAsync(HttpResponse response, RunRecord run, CancellationToken ct) =>
        SendAsync(response, "end", null, RunDetails.From(run), ct);

    private static async Task SendAsync(HttpResponse response, string type, string? id, object data, CancellationToken ct)
    {
        var frame = (id is null ? "" : $"id: {id}\n") + $"event: {type}\ndata: {JsonSerializer.Serialize(data, data.GetType(), Json)}\n\n";
        await response.WriteAsync(frame, ct);
        await response.Body.FlushAsync(ct);
    }
}
