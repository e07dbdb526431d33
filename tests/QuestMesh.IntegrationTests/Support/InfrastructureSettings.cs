using Microsoft.Extensions.Configuration;

namespace QuestMesh.IntegrationTests.Support;

/// <summary>
/// Which images the tests start (section <c>Infrastructure</c> of testsettings.json, overridden by
/// <c>Infrastructure__PostgresImage</c>-style environment variables): the public images by default;
/// <c>./quest test</c> points them at images it built locally and turns pulling off.
/// </summary>
public sealed class InfrastructureSettings
{
    public string PostgresImage { get; set; } = "postgres:15-bookworm";
    public string RabbitMqImage { get; set; } = "rabbitmq:3.10";
    public bool PullImages { get; set; } = true;

    public static InfrastructureSettings Load() =>
        new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("testsettings.json", optional: true)
            .AddEnvironmentVariables()
            .Build()
            .GetSection("Infrastructure")
            .Get<InfrastructureSettings>() ?? new InfrastructureSettings();
}
