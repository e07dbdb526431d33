namespace QuestMesh.ServiceDefaults.Tests;

public class QuestMeshHostTests
{
    private const string ServiceVariable = "QUESTMESH_Serilog__Properties__Service";

    [Fact]
    public void Should_pick_RabbitMq_and_name_the_service_in_its_logs_by_default()
    {
        var configuration = QuestMeshHost.CreateBuilder([], "runner").Configuration;

        configuration["Bus:Transport"].ShouldBe("RabbitMq");
        configuration["Serilog:Properties:Service"].ShouldBe("runner");
    }

    [Fact]
    public void Should_let_QUESTMESH_variables_override_the_defaults_and_the_command_line_override_both()
    {
        Environment.SetEnvironmentVariable(ServiceVariable, "from-environment");
        try
        {
            QuestMeshHost.CreateBuilder([], "runner").Configuration["Serilog:Properties:Service"].ShouldBe("from-environment");
            QuestMeshHost.CreateBuilder(["--Serilog:Properties:Service=from-command-line"], "runner")
                .Configuration["Serilog:Properties:Service"].ShouldBe("from-command-line");
        }
        finally
        {
            Environment.SetEnvironmentVariable(ServiceVariable, null);
        }
    }
}
