using MassTransit;
using MassTransit.Logging;
using MassTransit.Monitoring;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace QuestMesh.ServiceDefaults;

public static class TelemetryExtensions
{
    /// <summary>
    /// OpenTelemetry traces (HTTP in and out, MassTransit send and consume, QuestMesh's own spans; a service adds
    /// its database through <c>ConfigureOpenTelemetryTracerProvider</c>) and metrics (the same, the .NET runtime,
    /// <see cref="QuestMeshTelemetry"/>), with the service named <c>questmesh-&lt;service&gt;</c>. Exported over OTLP
    /// when the standard variables say where (<c>OTEL_EXPORTER_OTLP_ENDPOINT</c>, <c>OTEL_EXPORTER_OTLP_PROTOCOL</c>,
    /// <c>OTEL_RESOURCE_ATTRIBUTES</c>, …); without them the signals are collected and dropped.
    /// </summary>
    public static IHostApplicationBuilder AddQuestMeshTelemetry(this IHostApplicationBuilder builder)
    {
        var service = builder.Configuration["Serilog:Properties:Service"] ?? "questmesh";
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(service.StartsWith("questmesh", StringComparison.Ordinal) ? service : $"questmesh-{service}"))
            .WithTracing(tracing => tracing
                .AddSource(QuestMeshTelemetry.Name)
                .AddSource(DiagnosticHeaders.DefaultListenerName)
                .AddAspNetCoreInstrumentation(o => o.Filter = http => !http.Request.Path.StartsWithSegments("/health"))
                .AddHttpClientInstrumentation())
            .WithMetrics(metrics => metrics
                .AddMeter(QuestMeshTelemetry.Name)
                .AddMeter(InstrumentationOptions.MeterName)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation());
        var endpoint = builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"] ?? Environment.GetEnvironmentVariable("OTEL_EXPORTER_OTLP_ENDPOINT");
        if (!string.IsNullOrWhiteSpace(endpoint))
            telemetry.UseOtlpExporter();
        return builder;
    }

    /// <summary>The step context (log properties, span tags, step metrics) on every endpoint of the bus.</summary>
    public static void UseQuestMeshStepContext(this IConsumePipeConfigurator configurator, IRegistrationContext context) =>
        configurator.UseConsumeFilter(typeof(StepContextFilter<>), context);
}
