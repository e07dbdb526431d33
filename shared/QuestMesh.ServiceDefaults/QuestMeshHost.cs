using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;

namespace QuestMesh.ServiceDefaults;

/// <summary>
/// The start of every distributed service's <c>Program.cs</c> (the five workers and the orchestrator's
/// web host): a web application, since each answers <c>/health/live</c> and <c>/health/ready</c>, whose
/// settings are the same as the embedded <c>questmesh</c> host's — <c>appsettings.json</c> next to the
/// assembly, then environment variables prefixed <c>QUESTMESH_</c>, then the command line — over the
/// defaults of a deployed service: RabbitMQ as the transport.
/// </summary>
public static class QuestMeshHost
{
    public const string EnvironmentPrefix = "QUESTMESH_";

    /// <param name="args">The process's arguments (<c>--urls http://0.0.0.0:8080</c>, <c>--Section:Key=value</c>).</param>
    /// <param name="service">The service's short name (<c>runner</c>); every log event carries it as <c>Service</c>.</param>
    public static WebApplicationBuilder CreateBuilder(string[] args, string service)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = $"questmesh-{service}",
            // appsettings.json is read from the service's folder, wherever it is started from.
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource
        {
            InitialData = new Dictionary<string, string?>
            {
                [$"{BusOptions.Section}:{nameof(BusOptions.Transport)}"] = BusOptions.RabbitMqTransport,
                ["Serilog:Properties:Service"] = service,
            },
        });
        builder.Configuration.AddEnvironmentVariables(EnvironmentPrefix);
        // The command line stays the last word, as in any .NET host.
        builder.Configuration.AddCommandLine(args);
        return builder;
    }
}
