using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using QuestMesh.Fixer.Classification;
using QuestMesh.Fixer.Consumers;
using QuestMesh.Fixer.Fixing;
using QuestMesh.Fixer.Repairs;
using QuestMesh.Python;
using QuestMesh.ServiceDefaults;

namespace QuestMesh.Fixer;

public static class FixerServiceExtensions
{
    /// <summary>The fixer: options, the Python harness, the classifier and repairs, and its consumer on the host's bus.</summary>
    public static IHostApplicationBuilder AddFixer(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddQuestMeshOptions<FixerOptions>(FixerOptions.Section);
        services.AddQuestMeshPython();
        services.TryAddSingleton<CompletedSteps>(_ => new CompletedSteps());
        services.TryAddSingleton<FailureClassifier>();
        services.TryAddSingleton<RepairPlanner>();
        services.TryAddSingleton<RoundEdits>();
        services.TryAddSingleton<SuiteFixer>();
        services.AddQuestMeshConsumers(x => x.AddConsumer<FixTestsConsumer, FixTestsConsumerDefinition>());
        return builder;
    }
}
