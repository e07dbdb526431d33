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
    /// configuration picks (<c>Bus:Transport</c>: InMemory or RabbitMq), and sets how the host lets go of
    /// the steps in flight when it stops (<c>Bus:ShutdownTimeoutSeconds</c>).
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

            if (options.UsesRabbitMq)
            {
                x.UsingRabbitMq((context, cfg) =>
                {
                    cfg.Host(options.RabbitMq.Host, (ushort)options.RabbitMq.Port, options.RabbitMq.VirtualHost, h =>
                    {
                        h.Username(options.RabbitMq.Username);
                        h.Password(options.RabbitMq.Password);
                    });
                    ConfigureEndpoints(context, cfg, options);
                });
            }
            else
            {
                x.UsingInMemory((context, cfg) => ConfigureEndpoints(context, cfg, options));
            }
        });
        AddGracefulShutdown(builder.Services, TimeSpan.FromSeconds(options.ShutdownTimeoutSeconds));
        return builder;
    }

    private static void ConfigureEndpoints<TEndpoint>(IBusRegistrationContext context, IBusFactoryConfigurator<TEndpoint> cfg, BusOptions options)
        where TEndpoint : IReceiveEndpointConfigurator
    {
        if (options.ConcurrentMessageLimit > 0)
            cfg.ConcurrentMessageLimit = options.ConcurrentMessageLimit;
        cfg.UseQuestMeshStepContext(context);
        cfg.ConfigureEndpoints(context);
    }

    /// <summary>
    /// A stopping host first stops taking messages, then gives the steps in flight <paramref name="timeout"/>
    /// to finish; past it their cancellation token fires, the step's Python processes are killed and the
    /// message is not acknowledged, so the broker hands it to another worker. The host waits a little longer
    /// than that for the hand-back to reach the broker.
    /// </summary>
    private static void AddGracefulShutdown(IServiceCollection services, TimeSpan timeout)
    {
        var handBack = TimeSpan.FromSeconds(10);
        services.Configure<MassTransitHostOptions>(o =>
        {
            o.ConsumerStopTimeout = timeout;
            o.StopTimeout = timeout + handBack;
        });
        services.Configure<HostOptions>(o =>
        {
            if (o.ShutdownTimeout < timeout + 2 * handBack)
                o.ShutdownTimeout = timeout + 2 * handBack;
        });
    }
}
