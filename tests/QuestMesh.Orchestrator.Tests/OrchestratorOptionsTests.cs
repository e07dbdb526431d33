using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace QuestMesh.Orchestrator.Tests;

public class OrchestratorOptionsTests
{
    [Fact]
    public void Should_accept_the_defaults() =>
        new OrchestratorOptionsValidator().Validate(null, new OrchestratorOptions()).Succeeded.ShouldBeTrue();

    [Fact]
    public void Should_name_each_bad_nested_setting()
    {
        var options = new OrchestratorOptions { SweepInterval = TimeSpan.Zero };
        options.Router.CoverageProgressPoints = -1;
        options.StepTimeouts.Execute = TimeSpan.Zero;

        var result = new OrchestratorOptionsValidator().Validate(null, options);

        result.Failed.ShouldBeTrue();
        result.Failures.ShouldNotBeNull().Count().ShouldBe(3);
        result.FailureMessage.ShouldContain("Orchestrator:Router");
        result.FailureMessage.ShouldContain("Orchestrator:StepTimeouts:Execute");
        result.FailureMessage.ShouldContain("Orchestrator:SweepInterval");
    }

    [Fact]
    public void Should_bind_from_the_orchestrator_section_and_refuse_a_bad_value()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Orchestrator:Router:MutationProgressPoints"] = "3.5",
            ["Orchestrator:StepRetryLimit"] = "99",
        });
        builder.AddOrchestrator();
        using var provider = builder.Services.BuildServiceProvider();

        var exception = Should.Throw<OptionsValidationException>(() => provider.GetRequiredService<IOptions<OrchestratorOptions>>().Value);

        exception.Message.ShouldContain("StepRetryLimit");
    }
}
