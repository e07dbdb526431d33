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
            // The first critique includes the rules' first run: on two busy cores (every test project
            // starting at once) it outlasted the harness's default 6 s of quiet, and the wait gave up.
            x.SetTestTimeouts(testInactivityTimeout: TimeSpan.FromSeconds(30));
            registrations.ApplyTo(x);
        });
        using var host = builder.Build();
        var harness = host.Services.GetTestHarness();
        await harness.Start();
        try
        {
            var command = Attempts.Make(coverage: 60, missingLines: [3], previous: new AttemptFigures { Attempt = 0, Coverage = 59.5, MutationScore = 80 });

            await harness.Bus.Publish(command);

            var published = await harness.Published.SelectAsync<AttemptCritiqued>(m => m.Context.Message.StepId == command.StepId).FirstOrDefault();
            var reply = published.ShouldNotBeNull("no AttemptCritiqued with the command's StepId").Context.Message;
            reply.RunId.ShouldBe(command.RunId);
            reply.Attempt.ShouldBe(command.Attempt);
            reply.Critique.LowCoverage.ShouldBeTrue();
            reply.Critique.NoProgress.ShouldBeTrue();
            reply.Reliability.Level.ShouldBe(PostReliability.NeedsReview);
            reply.Reliability.Reasons.ShouldContain("below target: coverage 60 % (target 90 %)");
        }
        finally
        {
            await harness.Stop();
        }
    }
}
