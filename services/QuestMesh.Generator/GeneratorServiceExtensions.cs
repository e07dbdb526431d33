using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using QuestMesh.Generator.Consumers;
using QuestMesh.Generator.Hybrid;
using QuestMesh.Generator.Strategies;
using QuestMesh.Generator.Tasks;
using QuestMesh.Llm;
using QuestMesh.Python;
using QuestMesh.ServiceDefaults;

namespace QuestMesh.Generator;

public static class GeneratorServiceExtensions
{
    /// <summary>
    /// The generator: writes and enhances suites (consumes <c>GenerateTests</c> and <c>EnhanceTests</c>), and does the
    /// task API's work (<c>RecommendTests</c>, <c>GenerateTestFile</c>).
    /// </summary>
    public static IHostApplicationBuilder AddGenerator(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddQuestMeshOptions<GeneratorOptions>(GeneratorOptions.Section);
        services.AddLlm();
        services.AddQuestMeshPython();
        services.TryAddSingleton(_ => new CompletedSteps());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ITestGenerationStrategy, SearchStrategy>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ITestGenerationStrategy, LlmStrategy>());
        services.AddHybrid();
        services.TryAddSingleton<StrategyResolver>();
        services.TryAddSingleton<TestGeneration>();
        services.AddTasks();
        services.AddQuestMeshConsumers(x =>
        {
            x.AddConsumer<GenerateTestsConsumer, GenerateTestsConsumerDefinition>();
            x.AddConsumer<EnhanceTestsConsumer, EnhanceTestsConsumerDefinition>();
            x.AddConsumer<RecommendTestsConsumer, RecommendTestsConsumerDefinition>();
            x.AddConsumer<GenerateTestFileConsumer, GenerateTestFileConsumerDefinition>();
        });
        return builder;
    }

    /// <summary>The task API's work (recommended tests, one test file): the model, the search and the sandboxed runs it shares.</summary>
    private static void AddTasks(this IServiceCollection services)
    {
        services.AddQuestMeshOptions<TaskOptions>(TaskOptions.Section);
        services.TryAddSingleton<TaskBriefing>();
        services.TryAddSingleton<TaskModel>();
        services.TryAddSingleton<TaskSearch>();
        services.TryAddSingleton<ModuleRunner>();
        services.TryAddSingleton<CandidateJudge>();
        services.TryAddSingleton<TestRecommender>();
        services.TryAddSingleton<TestFileWriter>();
    }

    /// <summary>The hybrid composes the other two strategies, so it resolves them by their own types.</summary>
    private static void AddHybrid(this IServiceCollection services)
    {
        services.AddQuestMeshOptions<HybridOptions>(HybridOptions.Section);
        services.TryAddSingleton<SearchStrategy>();
        services.TryAddSingleton<LlmStrategy>();
        services.TryAddSingleton<SuiteProbe>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ITestGenerationStrategy, HybridStrategy>());
    }
}
