using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using QuestMesh.ServiceDefaults;

namespace QuestMesh.Benchmarks.Distributed;

/// <summary>
/// One service in a host of its own, composed as the service's own host composes it: service defaults,
/// the service's <c>AddXxx()</c>, the bus from configuration (RabbitMQ here).
/// </summary>
public static class BenchHost
{
    public static IHost Build(IEnumerable<KeyValuePair<string, string?>> settings, Action<IHostApplicationBuilder> add,
        Action<IBusRegistrationConfigurator>? extra = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddEnvironmentVariables("QUESTMESH_");
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddServiceDefaults();
        add(builder);
        builder.AddQuestMeshBus(extra);
        // A host counts as started once its queues are bound: a message published earlier would be lost.
        builder.Services.Configure<MassTransitHostOptions>(o => o.WaitUntilStarted = true);
        return builder.Build();
    }

    /// <summary>Starts the first host (the orchestrator: its start migrates the database), then the others together.</summary>
    public static async Task StartAsync(IReadOnlyList<IHost> hosts, CancellationToken cancellationToken)
    {
        await hosts[0].StartAsync(cancellationToken);
        await Task.WhenAll(hosts.Skip(1).Select(h => h.StartAsync(cancellationToken)));
    }

    public static async Task StopAsync(IEnumerable<IHost> hosts)
    {
        foreach (var host in hosts.Reverse())
        {
            using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await host.StopAsync(stopping.Token);
            }
            catch (OperationCanceledException)
            {
                // A host that does not stop in time is disposed all the same.
            }
            host.Dispose();
        }
    }

    /// <summary>
    /// Settings every bench host logs with: warnings and worse, on standard error. MassTransit's retry
    /// warnings (a lost concurrency race, expected when static analysis and execution answer together)
    /// are left out: the bench counts them.
    /// </summary>
    public static readonly KeyValuePair<string, string?>[] Quiet =
    [
        new("Logging:Console:StandardError", "true"),
        new("Serilog:MinimumLevel:Default", "Warning"),
        new("Serilog:MinimumLevel:Override:MassTransit", "Error"),
    ];
}
