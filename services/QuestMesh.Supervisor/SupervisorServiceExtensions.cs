using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using QuestMesh.Llm;
using QuestMesh.ServiceDefaults;
using QuestMesh.Supervisor.Consumers;
using QuestMesh.Supervisor.Critiques;
using QuestMesh.Supervisor.Reliability;
using QuestMesh.Supervisor.Suggestions;

namespace QuestMesh.Supervisor;

public static class SupervisorServiceExtensions
{
    /// <summary>
    /// The supervisor: options, critique rules, the post-reliability policy, the model's suggestions (off unless
    /// <c>Supervisor:Llm:Enabled</c>) and its consumer on the host's bus.
    /// </summary>
    public static IHostApplicationBuilder AddSupervisor(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddQuestMeshOptions<SupervisorOptions>(SupervisorOptions.Section);
        services.TryAddSingleton(sp => new CritiqueRules(sp.GetRequiredService<IOptions<SupervisorOptions>>().Value));
        services.TryAddSingleton(sp => new PostReliabilityPolicy(sp.GetRequiredService<IOptions<SupervisorOptions>>().Value));
        services.AddSuggestions();
        services.AddQuestMeshConsumers(x => x.AddConsumer<CritiqueAttemptConsumer, CritiqueAttemptConsumerDefinition>());
        return builder;
    }

    /// <summary>The model the generator uses (<c>Generator:Llm</c>); switched on for the supervisor by <c>Supervisor:Llm:Enabled</c>.</summary>
    private static void AddSuggestions(this IServiceCollection services)
    {
        services.AddLlm();
        services.AddQuestMeshOptions<SupervisorLlmOptions>(SupervisorLlmOptions.Section)
            .Validate<IOptions<LlmOptions>>((own, llm) => !own.Enabled || llm.Value.IsConfigured,
                $"Supervisor:Llm:Enabled asks the model for suggestions, and none is configured: {LlmOptions.HowToConfigure}.");
        services.TryAddSingleton<CritiqueAdvisor>();
    }
}
