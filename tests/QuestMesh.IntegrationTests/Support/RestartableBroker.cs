using DotNet.Testcontainers.Images;
using Testcontainers.RabbitMq;

namespace QuestMesh.IntegrationTests.Support;

/// <summary>
/// A RabbitMQ of one test's own, which the test stops and starts again while services use it. Its port
/// on the host is fixed, so the services find it again at the same address after the restart; its
/// durable queues and persistent messages live in the container and survive the restart.
/// </summary>
public sealed class RestartableBroker : IAsyncDisposable
{
    private readonly RabbitMqContainer _container;

    private RestartableBroker(RabbitMqContainer container, Broker broker)
    {
        _container = container;
        Broker = broker;
    }

    public Broker Broker { get; }

    public static async Task<RestartableBroker> StartAsync(InfrastructureSettings settings)
    {
        var port = LoopbackPorts.Free();
        var container = new RabbitMqBuilder(settings.RabbitMqImage)
            .WithImagePullPolicy(settings.PullImages ? PullPolicy.Missing : PullPolicy.Never)
            .WithPortBinding(port, RabbitMqBuilder.RabbitMqPort)
            .Build();
        await container.StartAsync();
        var broker = new Broker(container.Hostname, container.GetMappedPublicPort(RabbitMqBuilder.RabbitMqPort),
            RabbitMqBuilder.DefaultUsername, RabbitMqBuilder.DefaultPassword, "/");
        return new RestartableBroker(container, broker);
    }

    /// <summary>Stops the broker (its connections close, the messages it holds stay on disk) and starts it again, until its node is up.</summary>
    public async Task RestartAsync()
    {
        await _container.StopAsync();
        await _container.StartAsync();
        var awaited = await _container.ExecAsync(["rabbitmqctl", "await_startup"]);
        awaited.ExitCode.ShouldBe(0, $"rabbitmqctl await_startup after the restart: {awaited.Stderr}{awaited.Stdout}");
        ((int)_container.GetMappedPublicPort(RabbitMqBuilder.RabbitMqPort)).ShouldBe(Broker.Port, "the broker's port after the restart");
    }

    public ValueTask DisposeAsync() => _container.DisposeAsync();
}
