using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using QuestMesh.ServiceDefaults;

namespace QuestMesh.Tests.Shared;

/// <summary>
/// One service composed by its own <c>AddXxx()</c> on MassTransit's in-memory test harness, with the real
/// Python harness and a private work root (Python:WorkRoot) that is checked and removed at the end.
/// </summary>
public sealed class ServiceTestHost : IAsyncDisposable
{
    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromMinutes(3);
    private readonly IHost _host;

    private ServiceTestHost(IHost host, ITestHarness harness, DirectoryInfo workRoot)
    {
        _host = host;
        Harness = harness;
        WorkRoot = workRoot;
    }

    public ITestHarness Harness { get; }

    /// <summary>Where the service makes its workspaces; empty again once each step is done.</summary>
    public DirectoryInfo WorkRoot { get; }

    public IServiceProvider Services => _host.Services;

    public static async Task<ServiceTestHost> StartAsync(Action<IHostApplicationBuilder> addService,
        IDictionary<string, string?>? settings = null)
    {
        var workRoot = Directory.CreateTempSubdirectory("questmesh-test-work-");
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Python:Interpreter"] = "/usr/bin/python3",
            ["Python:WorkRoot"] = workRoot.FullName,
        });
        if (settings is not null)
            builder.Configuration.AddInMemoryCollection(settings);
        addService(builder);

        var registrations = builder.Services.Select(d => d.ImplementationInstance).OfType<BusRegistrations>().Single();
        builder.Services.AddMassTransitTestHarness(x =>
        {
            x.DisableUsageTelemetry();
            // Steps run real Python for seconds with no bus traffic; the default 1.2 s of inactivity would end the wait early.
            x.SetTestTimeouts(testTimeout: ReplyTimeout, testInactivityTimeout: ReplyTimeout);
            registrations.ApplyTo(x);
        });
        var host = builder.Build();
        var harness = host.Services.GetRequiredService<ITestHarness>();
        await harness.Start();
        return new ServiceTestHost(host, harness, workRoot);
    }

    /// <summary>
    /// The first <typeparamref name="TReply"/> published that matches, or a failure with the exception
    /// text when the command faulted instead.
    /// </summary>
    public async Task<TReply> ReplyAsync<TReply, TCommand>(Func<TReply, bool> match, int skip = 0)
        where TReply : class
        where TCommand : class
    {
        using var timeout = new CancellationTokenSource(ReplyTimeout);
        var seen = 0;
        await foreach (var published in Harness.Published.SelectAsync(
                           m => m.MessageObject is Fault<TCommand> || (m.MessageObject is TReply reply && match(reply)), timeout.Token))
        {
            if (published.MessageObject is Fault<TCommand> fault)
                throw new InvalidOperationException(
                    $"{typeof(TCommand).Name} faulted: {string.Join(" | ", fault.Exceptions.Select(e => $"{e.ExceptionType}: {e.Message}"))}");
            if (seen++ == skip)
                return (TReply)published.MessageObject;
        }
        throw new TimeoutException($"no {typeof(TReply).Name} within {ReplyTimeout}");
    }

    public async ValueTask DisposeAsync()
    {
        await Harness.Stop();
        if (_host is IAsyncDisposable asyncDisposable)
            await asyncDisposable.DisposeAsync();
        else
            _host.Dispose();
        WorkRoot.Delete(recursive: true);
    }
}
