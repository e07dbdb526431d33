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

    /// <summary>
    /// The base of the service images the compose test builds: an image with the ASP.NET Core 10 runtime
    /// (deploy/docker/local-images.sh builds this one from the machine's .NET installation).
    /// </summary>
    public string DotnetImage { get; set; } = "questmesh-local/dotnet-aspnet:10.0";

    public static InfrastructureSettings Load() =>
        new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("testsettings.json", optional: true)
            .AddEnvironmentVariables()
            .Build()
            .GetSection("Infrastructure")
            .Get<InfrastructureSettings>() ?? new InfrastructureSettings();
}
