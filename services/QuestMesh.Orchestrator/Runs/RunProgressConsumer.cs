using MassTransit;
using QuestMesh.Contracts;

namespace QuestMesh.Orchestrator.Runs;

/// <summary>Forwards the run saga's progress and end events to <see cref="RunWatcher"/>.</summary>
public sealed class RunProgressConsumer(RunWatcher watcher) :
    IConsumer<RunStateChanged>, IConsumer<RunCompleted>, IConsumer<RunFailed>
{
    public Task Consume(ConsumeContext<RunStateChanged> context) => Forward(context.Message.RunId, context.Message);
    public Task Consume(ConsumeContext<RunCompleted> context) => Forward(context.Message.RunId, context.Message);
    public Task Consume(ConsumeContext<RunFailed> context) => Forward(context.Message.RunId, context.Message);

    private Task Forward(Guid runId, object message)
    {
        watcher.Post(runId, message);
        return Task.CompletedTask;
    }
}
