using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Serilog;
using Serilog.Events;
using Serilog.Formatting.Json;

namespace QuestMesh.ServiceDefaults;

public static class LoggingExtensions
{
    private const string TextTemplate = "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}";

    /// <summary>Serilog as the only logging provider, configured from the <c>Serilog</c> and <c>Logging:Console</c> sections.</summary>
    public static IHostApplicationBuilder AddQuestMeshLogging(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(LoggingOptions.Section).Get<LoggingOptions>() ?? new LoggingOptions();
        var standardError = options.StandardError ? LogEventLevel.Verbose : (LogEventLevel?)null;
        var configuration = new LoggerConfiguration()
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
            .MinimumLevel.Override("MassTransit", LogEventLevel.Warning)
            .ReadFrom.Configuration(builder.Configuration)
            .Enrich.FromLogContext();
        configuration = string.Equals(options.Format, "json", StringComparison.OrdinalIgnoreCase)
            ? configuration.WriteTo.Console(new JsonFormatter(renderMessage: true), standardErrorFromLevel: standardError)
            : configuration.WriteTo.Console(outputTemplate: TextTemplate, standardErrorFromLevel: standardError);

        builder.Logging.ClearProviders();
        builder.Logging.AddSerilog(configuration.CreateLogger(), dispose: true);
        return builder;
    }
}
