using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using QuestMesh.ServiceDefaults;
using QuestMesh.Supervisor.Consumers;
using QuestMesh.Supervisor.Critiques;
using QuestMesh.Supervisor.Reliability;

namespace QuestMesh.Supervisor;

public static class SupervisorServiceExtensions
{
    /// <summary>The supervisor: options, critique rules, the post-reliability policy and its consumer on the host's bus.</summary>
    public static IHostApplicationBuilder AddSupervisor(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddQuestMeshOptions<SupervisorOptions>(SupervisorOptions.Section);
        services.TryAddSingleton(sp => new CritiqueRules(sp.GetRequiredService<IOptions<SupervisorOptions>>().Value));
        services.TryAddSingleton(sp => new PostReliabilityPolicy(sp.GetRequiredService<IOptions<SupervisorOptions>>().Value));
        services.AddQuestMeshConsumers(x => x.AddConsumer<CritiqueAttemptConsumer, CritiqueAttemptConsumerDefinition>());
        return builder;
    }
}
