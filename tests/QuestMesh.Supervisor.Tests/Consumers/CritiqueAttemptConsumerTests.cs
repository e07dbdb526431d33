using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using QuestMesh.Contracts;
using QuestMesh.ServiceDefaults;

namespace QuestMesh.Supervisor.Tests.Consumers;

public class CritiqueAttemptConsumerTests
{
    [Fact]
    public async Task Should_publish_the_critique_echoing_run_attempt_and_step()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.AddSupervisor();
        var registrations = builder.Services.Select(d => d.ImplementationInstance).OfType<BusRegistrations>().Single();
        builder.Services.AddMassTransitTestHarness(x =>
        {
            x.DisableUsageTelemetry();
            registrations.ApplyTo(x);
        });
        using var host = builder.Build();
        var harness = host.Services.GetTestHarness();
        await harness.Start();
        try
        {
            var command = Attempts.Make(coverage: 60, missingLines: [3], previous: new AttemptFigures { Attempt = 0, Coverage = 59.5, MutationScore = 80 });

            await harness.Bus.Publish(command);

            (await harness.Published.Any<AttemptCritiqued>(m => m.Context.Message.StepId == command.StepId)).ShouldBeTrue();
            var reply = harness.Published.Select<AttemptCritiqued>().Single().Context.Message;
            reply.RunId.ShouldBe(command.RunId);
            reply.Attempt.ShouldBe(command.Attempt);
            reply.Critique.LowCoverage.ShouldBeTrue();
            reply.Critique.NoProgress.ShouldBeTrue();
            reply.Reliability.Level.ShouldBe(PostReliability.Trusted);
        }
        finally
        {
            await harness.Stop();
        }
    }
}
