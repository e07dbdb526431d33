using System.Text.Json;
using MassTransit;
using QuestMesh.Contracts;
using QuestMesh.Orchestrator.Apis.Tasks;

namespace QuestMesh.Orchestrator.Tasks.Consumers;

/// <summary>
/// The generator's answers to the task API's commands, written to the task store: taken (processing),
/// the result (completed) or the error (failed), and a command that faulted in the generator (failed).
/// </summary>
public sealed class TaskRepliesConsumer(ITaskStore store, TaskEndSignals signals) :
    IConsumer<TaskWorkStarted>,
    IConsumer<TestsRecommended>,
    IConsumer<TestFileGenerated>,
    IConsumer<Fault<RecommendTests>>,
    IConsumer<Fault<GenerateTestFile>>
{
    public Task Consume(ConsumeContext<TaskWorkStarted> context) => store.ProcessingAsync(context.Message.TaskId, context.CancellationToken);

    public Task Consume(ConsumeContext<TestsRecommended> context) =>
        EndAsync(context.Message.TaskId, context.Message.Error, () => CoverageResult.From(context.Message), context.CancellationToken);

    public Task Consume(ConsumeContext<TestFileGenerated> context) =>
        EndAsync(context.Message.TaskId, context.Message.Error, () => GenerationResult.From(context.Message), context.CancellationToken);

    public Task Consume(ConsumeContext<Fault<RecommendTests>> context) =>
        FaultedAsync(context.Message.Message.TaskId, context.Message, context.CancellationToken);

    public Task Consume(ConsumeContext<Fault<GenerateTestFile>> context) =>
        FaultedAsync(context.Message.Message.TaskId, context.Message, context.CancellationToken);

    private async Task EndAsync<TResult>(Guid taskId, string? error, Func<TResult> result, CancellationToken cancellationToken)
    {
        if (error is not null)
            await store.FailAsync(taskId, error, cancellationToken);
        else
            await store.CompleteAsync(taskId, JsonSerializer.Serialize(result(), TaskJson.Options), cancellationToken);
        signals.Ended(taskId);
    }

    private async Task FaultedAsync(Guid taskId, Fault fault, CancellationToken cancellationToken)
    {
        var why = fault.Exceptions.FirstOrDefault()?.Message ?? "no reason was given";
        await store.FailAsync(taskId, $"The generator could not work on the task: {why}", cancellationToken);
        signals.Ended(taskId);
    }
}
