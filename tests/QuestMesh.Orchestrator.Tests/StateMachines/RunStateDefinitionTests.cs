using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using QuestMesh.Orchestrator.StateMachines;

namespace QuestMesh.Orchestrator.Tests.StateMachines;

public class RunStateDefinitionTests
{
    [Fact]
    public void Should_handle_as_many_saga_messages_at_once_as_the_setting_says() =>
        new RunStateDefinition(Options.Create(new OrchestratorOptions { SagaConcurrency = 7 })).ConcurrentMessageLimit.ShouldBe(7);

    [Fact]
    public void Should_handle_many_saga_messages_at_once_by_default_whatever_the_core_count() =>
        new RunStateDefinition(Options.Create(new OrchestratorOptions())).ConcurrentMessageLimit.ShouldBe(32);

    [Fact]
    public void Should_refuse_a_saga_concurrency_of_zero()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Orchestrator:SagaConcurrency"] = "0" });
        builder.AddOrchestrator();
        using var provider = builder.Services.BuildServiceProvider();

        Should.Throw<OptionsValidationException>(() => provider.GetRequiredService<IOptions<OrchestratorOptions>>().Value)
            .Message.ShouldContain("SagaConcurrency");
    }
}
