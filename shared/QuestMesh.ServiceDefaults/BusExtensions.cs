using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace QuestMesh.ServiceDefaults;

public static class BusExtensions
{
    /// <summary>Adds consumers, sagas or endpoints to the host's bus; called by each service's <c>AddXxx()</c>.</summary>
    public static IServiceCollection AddQuestMeshConsumers(this IServiceCollection services, Action<IBusRegistrationConfigurator> registration)
    {
        var registrations = services
            .Where(d => d.ServiceType == typeof(BusRegistrations))
            .Select(d => d.ImplementationInstance)
            .OfType<BusRegistrations>()
            .FirstOrDefault();
        if (registrations is null)
        {
            registrations = new BusRegistrations();
            services.AddSingleton(registrations);
        }
        registrations.Add(registration);
        return services;
    }

    /// <summary>
    /// Builds the host's one bus from every service's registrations, on the transport that
    /// configuration picks (<c>Bus:Transport</c>: InMemory or RabbitMq).
    /// </summary>
    public static IHostApplicationBuilder AddQuestMeshBus(this IHostApplicationBuilder builder, Action<IBusRegistrationConfigurator>? extra = null)
    {
        var options = builder.Configuration.GetSection(BusOptions.Section).Get<BusOptions>() ?? new BusOptions();
        builder.Services.AddQuestMeshOptions<BusOptions>(BusOptions.Section);
        var registrations = builder.Services
            .Select(d => d.ImplementationInstance)
            .OfType<BusRegistrations>()
            .FirstOrDefault() ?? new BusRegistrations();

        builder.Services.AddMassTransit(x =>
        {
            x.DisableUsageTelemetry();
            x.SetKebabCaseEndpointNameFormatter();
            registrations.ApplyTo(x);
            extra?.Invoke(x);

            if (string.Equals(options.Transport, "RabbitMq", StringComparison.OrdinalIgnoreCase))
            {
                x.UsingRabbitMq((context, cfg) =>
                {
                    cfg.Host(options.RabbitMq.Host, (ushort)options.RabbitMq.Port, options.RabbitMq.VirtualHost, h =>
                    {
                        h.Username(options.RabbitMq.Username);
                        h.Password(options.RabbitMq.Password);
                    });
                    if (options.ConcurrentMessageLimit > 0)
                        cfg.ConcurrentMessageLimit = options.ConcurrentMessageLimit;
                    cfg.ConfigureEndpoints(context);
                });
            }
            else
            {
                x.UsingInMemory((context, cfg) =>
                {
                    if (options.ConcurrentMessageLimit > 0)
                        cfg.ConcurrentMessageLimit = options.ConcurrentMessageLimit;
                    cfg.ConfigureEndpoints(context);
                });
            }
        });
        return builder;
    }
}
