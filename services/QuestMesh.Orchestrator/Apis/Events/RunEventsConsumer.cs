using MassTransit;
using QuestMesh.Contracts;

namespace QuestMesh.Orchestrator.Apis.Events;

/// <summary>
/// The saga's announcements for this process's event streams. It listens on an endpoint of its own per
/// process (temporary, see <see cref="RunsApiExtensions"/>), so every API replica hears every run.
/// </summary>
public sealed class RunEventsConsumer(RunEventHub hub, SubmittedRuns submitted) :
    IConsumer<RunStateChanged>, IConsumer<RunCompleted>, IConsumer<RunFailed>
{
    public Task Consume(ConsumeContext<RunStateChanged> context)
    {
        submitted.Started(context.Message.RunId);
        hub.Post(context.Message.RunId, context.Message);
        return Task.CompletedTask;
    }

    public Task Consume(ConsumeContext<RunCompleted> context)
    {
        hub.Post(context.Message.RunId, context.Message);
        return Task.CompletedTask;
    }

    public Task Consume(ConsumeContext<RunFailed> context)
    {
        hub.Post(context.Message.RunId, context.Message);
        return Task.CompletedTask;
    }
}
