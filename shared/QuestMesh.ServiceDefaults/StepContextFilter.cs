using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;
using MassTransit;
using SerilogContext = Serilog.Context.LogContext;

namespace QuestMesh.ServiceDefaults;

/// <summary>
/// Every message a QuestMesh host consumes that names a run: the log lines written while it is handled carry
/// <c>RunId</c>, <c>Attempt</c> and <c>StepId</c> (and the host's <c>Service</c>), the consume span carries them as
/// tags, and a step command (one with a <c>StepId</c>) counts as a step of its kind in the metrics.
/// </summary>
public sealed class StepContextFilter<T> : IFilter<ConsumeContext<T>> where T : class
{
    private static readonly ConcurrentDictionary<Type, Accessors> Cache = new();

    public async Task Send(ConsumeContext<T> context, IPipe<ConsumeContext<T>> next)
    {
        var accessors = Cache.GetOrAdd(context.Message.GetType(), Accessors.Of);
        var runId = accessors.RunId?.GetValue(context.Message);
        if (runId is null)
        {
            await next.Send(context);
            return;
        }
        var attempt = accessors.Attempt?.GetValue(context.Message);
        var stepId = accessors.StepId?.GetValue(context.Message);
        var activity = Activity.Current;
        activity?.SetTag("questmesh.run_id", runId.ToString());
        if (attempt is not null)
            activity?.SetTag("questmesh.attempt", attempt);
        if (stepId is not null)
            activity?.SetTag("questmesh.step_id", stepId.ToString());

        using var run = SerilogContext.PushProperty("RunId", runId);
        using var attemptProperty = attempt is null ? null : SerilogContext.PushProperty("Attempt", attempt);
        using var step = stepId is null ? null : SerilogContext.PushProperty("StepId", stepId);
        if (stepId is null || !accessors.IsStep)
        {
            await next.Send(context);
            return;
        }
        var kind = typeof(T).Name;
        QuestMeshTelemetry.StepStarted(kind);
        var started = Stopwatch.GetTimestamp();
        var faulted = true;
        try
        {
            await next.Send(context);
            faulted = false;
        }
        finally
        {
            QuestMeshTelemetry.StepFinished(kind, Stopwatch.GetElapsedTime(started).TotalSeconds, faulted);
        }
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("questmesh-step-context");

    private sealed record Accessors(PropertyInfo? RunId, PropertyInfo? Attempt, PropertyInfo? StepId, bool IsStep)
    {
        public static Accessors Of(Type type)
        {
            var runId = type.GetProperty("RunId", typeof(Guid));
            var stepId = type.GetProperty("StepId", typeof(Guid));
            // Commands to a worker hold the project's source; replies and events do not.
            var isStep = stepId is not null && type.GetProperty("Source") is not null;
            return new Accessors(runId, type.GetProperty("Attempt", typeof(int)), stepId, isStep);
        }
    }
}
