using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace QuestMesh.Gateway.Tests;

/// <summary>The real gateway (its Program) in front of <see cref="RecordingBackend"/>, with two tenants' keys.</summary>
public sealed class GatewayFactory(string backendAddress, IDictionary<string, string?>? overrides = null, bool withKeys = true)
    : WebApplicationFactory<Program>
{
    public const string AcmeKey = "acme-key-0123456789abcdef";
    public const string GlobexKey = "globex-key-0123456789abcdef";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Gateway:MaxRequestBytes"] = "4096",
            ["ReverseProxy:Clusters:orchestrator:Destinations:primary:Address"] = backendAddress,
            ["ReverseProxy:Clusters:orchestrator:HealthCheck:Active:Interval"] = "00:00:01",
            ["ReverseProxy:Clusters:orchestrator:HealthCheck:Active:Timeout"] = "00:00:01",
        };
        if (withKeys)
        {
            settings["Gateway:ApiKeys:0:Key"] = AcmeKey;
            settings["Gateway:ApiKeys:0:Tenant"] = "acme";
            settings["Gateway:ApiKeys:1:Key"] = GlobexKey;
            settings["Gateway:ApiKeys:1:Tenant"] = "globex";
        }
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
            settings[key] = value;
        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(settings));
    }
}
