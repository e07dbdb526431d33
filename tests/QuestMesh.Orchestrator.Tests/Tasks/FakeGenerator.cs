using System.Collections.Concurrent;
using MassTransit;
using QuestMesh.Contracts;

namespace QuestMesh.Orchestrator.Tests.Tasks;

/// <summary>
/// Plays the generator on the orchestrator's bus: hands over each task command it receives, and tells when
/// the orchestrator has consumed a message of the task API (so a test waits on that, not on time).
/// </summary>
public sealed class FakeGenerator : IConsumeObserver, IAsyncDisposable
{
    private readonly ConcurrentDictionary<Guid, TaskCompletionSource<object>> _commands = new();
    private readonly ConcurrentDictionary<(Type, Guid), TaskCompletionSource> _consumed = new();
    private readonly HostReceiveEndpointHandle _endpoint;
    private readonly ConnectHandle _observer;

    public FakeGenerator(IBus bus)
    {
        _endpoint = bus.ConnectReceiveEndpoint($"fake-generator-{Guid.NewGuid():N}", e =>
        {
            e.Handler<RecommendTests>(c => Received(c.Message.TaskId, c.Message));
            e.Handler<GenerateTestFile>(c => Received(c.Message.TaskId, c.Message));
        });
        _observer = bus.ConnectConsumeObserver(this);
    }

    public Task Ready => _endpoint.Ready;

    public async Task<T> CommandAsync<T>(Guid taskId) => (T)await Slot(taskId).Task.WaitAsync(TimeSpan.FromSeconds(30));

    /// <summary>Publishes <paramref name="message"/> and returns once the orchestrator has consumed it.</summary>
    public async Task ReplyAsync<T>(IBus bus, Guid taskId, T message) where T : class
    {
        var consumed = _consumed.GetOrAdd((typeof(T), taskId), _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        await bus.Publish(message);
        await consumed.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    private Task Received(Guid taskId, object command)
    {
        Slot(taskId).TrySetResult(command);
        return Task.CompletedTask;
    }

    private TaskCompletionSource<object> Slot(Guid taskId) =>
        _commands.GetOrAdd(taskId, _ => new TaskCompletionSource<object>(TaskCreationOptions.RunContinuationsAsynchronously));

    public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class
    {
        var taskId = context.Message switch
        {
            TaskWorkStarted started => started.TaskId,
            TestsRecommended recommended => recommended.TaskId,
            TestFileGenerated generated => generated.TaskId,
            Fault<RecommendTests> fault => fault.Message.TaskId,
            _ => Guid.Empty,
        };
        if (taskId != Guid.Empty && _consumed.TryGetValue((typeof(T), taskId), out var signal))
            signal.TrySetResult();
        return Task.CompletedTask;
    }

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class => Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        _observer.Disconnect();
        await _endpoint.StopAsync();
    }
}
