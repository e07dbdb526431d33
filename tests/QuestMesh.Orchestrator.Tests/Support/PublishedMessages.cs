using System.Collections.Concurrent;
using MassTransit;

namespace QuestMesh.Orchestrator.Tests.Support;

/// <summary>
/// Every message published on the bus, kept in order. The harness's own <c>Published.Select</c> waits for
/// the bus to go quiet before it returns; a test checking what has been published so far needs a snapshot.
/// </summary>
public sealed class PublishedMessages : IPublishObserver
{
    private readonly ConcurrentQueue<object> _messages = new();

    public List<T> Of<T>() where T : class => _messages.OfType<T>().ToList();

    public Task PrePublish<T>(PublishContext<T> context) where T : class => Task.CompletedTask;

    public Task PostPublish<T>(PublishContext<T> context) where T : class
    {
        _messages.Enqueue(context.Message);
        return Task.CompletedTask;
    }

    public Task PublishFault<T>(PublishContext<T> context, Exception exception) where T : class => Task.CompletedTask;
}
