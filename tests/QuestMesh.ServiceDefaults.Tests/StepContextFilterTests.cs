using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using QuestMesh.Contracts;
using QuestMesh.ServiceDefaults;
using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace QuestMesh.ServiceDefaults.Tests;

/// <summary>Log lines written while a step is consumed carry the run, attempt and step (and the host's service).</summary>
public sealed class StepContextFilterTests
{
    public sealed record PretendStep(Guid RunId, int Attempt, Guid StepId, SourceSpec Source);

    public sealed class PretendWorker(ILogger<PretendWorker> logger) : IConsumer<PretendStep>
    {
        public Task Consume(ConsumeContext<PretendStep> context)
        {
            logger.LogInformation("working on it");
            return Task.CompletedTask;
        }
    }

    private sealed class Collect : ILogEventSink
    {
        public List<LogEvent> Events { get; } = [];

        public void Emit(LogEvent logEvent)
        {
            lock (Events)
                Events.Add(logEvent);
        }
    }

    [Fact]
    public async Task Lines_logged_while_a_step_is_consumed_carry_run_attempt_step_and_service()
    {
        var sink = new Collect();
        var logger = new LoggerConfiguration().Enrich.FromLogContext().Enrich.WithProperty("Service", "runner").WriteTo.Sink(sink).CreateLogger();
        await using var provider = new ServiceCollection()
            .AddLogging(l => l.AddSerilog(logger, dispose: true))
            .AddMassTransitTestHarness(x =>
            {
                // A busy machine (every test project at once) can take seconds to start the bus: the default
                // inactivity of about a second would end the wait before the message arrives.
                x.SetTestTimeouts(testTimeout: TimeSpan.FromSeconds(60), testInactivityTimeout: TimeSpan.FromSeconds(60));
                x.AddConsumer<PretendWorker>();
                x.UsingInMemory((context, cfg) =>
                {
                    cfg.UseQuestMeshStepContext(context);
                    cfg.ConfigureEndpoints(context);
                });
            })
            .BuildServiceProvider(true);
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();
        var step = new PretendStep(Guid.NewGuid(), 2, Guid.NewGuid(), new SourceSpec());

        await harness.Bus.Publish(step);
        (await harness.Consumed.Any<PretendStep>()).ShouldBeTrue();
        await harness.Stop();

        LogEvent line;
        lock (sink.Events)
            line = sink.Events.Single(e => e.MessageTemplate.Text == "working on it");
        line.Properties["RunId"].ToString().ShouldBe(step.RunId.ToString());
        line.Properties["Attempt"].ToString().ShouldBe("2");
        line.Properties["StepId"].ToString().ShouldBe(step.StepId.ToString());
        line.Properties["Service"].ToString().ShouldBe("\"runner\"");
    }
}
