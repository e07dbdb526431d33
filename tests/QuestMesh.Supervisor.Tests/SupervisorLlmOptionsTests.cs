using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace QuestMesh.Supervisor.Tests;

public class SupervisorLlmOptionsTests
{
    [Fact]
    public void Enabled_WithoutAModelEndpoint_FailsTheStartWithWhatToSet()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Supervisor:Llm:Enabled"] = "true" });
        builder.AddSupervisor();
        using var host = builder.Build();

        var error = Should.Throw<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<SupervisorLlmOptions>>().Value);

        error.Message.ShouldContain("Supervisor:Llm:Enabled");
        error.Message.ShouldContain("QUESTMESH_Generator__Llm__Endpoint");
    }

    [Fact]
    public void Default_IsOff()
    {
        new SupervisorLlmOptions().Enabled.ShouldBeFalse();
    }
}
