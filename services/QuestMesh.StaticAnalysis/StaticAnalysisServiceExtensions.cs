using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using QuestMesh.Python;
using QuestMesh.ServiceDefaults;
using QuestMesh.StaticAnalysis.Analysis;
using QuestMesh.StaticAnalysis.Consumers;
using QuestMesh.StaticAnalysis.Reliability;

namespace QuestMesh.StaticAnalysis;

public static class StaticAnalysisServiceExtensions
{
    /// <summary>Static analysis of suites and their pre-execution reliability (consumes <c>AnalyzeTests</c>).</summary>
    public static IHostApplicationBuilder AddStaticAnalysis(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddQuestMeshOptions<StaticAnalysisOptions>(StaticAnalysisOptions.Section);
        services.AddQuestMeshOptions<PreReliabilityOptions>(PreReliabilityOptions.Section)
            .Validate(o => o.EntropyForMedium <= o.EntropyForLow,
                "StaticAnalysis:PreReliability:EntropyForMedium must not exceed EntropyForLow.");
        services.AddQuestMeshPython();
        services.TryAddSingleton(_ => new CompletedSteps());
        services.TryAddSingleton<SuiteAnalyzer>();
        services.TryAddSingleton(sp => new PreReliabilityPolicy(sp.GetRequiredService<IOptions<PreReliabilityOptions>>().Value));
        services.AddQuestMeshConsumers(x => x.AddConsumer<AnalyzeTestsConsumer, AnalyzeTestsConsumerDefinition>());
        return builder;
    }
}
