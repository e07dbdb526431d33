using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using QuestMesh.Python;
using QuestMesh.Runner.Consumers;
using QuestMesh.Runner.Execution;
using QuestMesh.Runner.Finalization;
using QuestMesh.ServiceDefaults;

namespace QuestMesh.Runner;

public static class RunnerServiceExtensions
{
    /// <summary>
    /// The runner: executes suites with coverage and mutation testing (consumes <c>ExecuteTests</c>), makes a finished
    /// run's final suite (<c>FinalizeSuite</c>), and runs a repository's whole suite for a repository run (<c>MeasureSuite</c>).
    /// </summary>
    public static IHostApplicationBuilder AddRunner(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddQuestMeshOptions<RunnerOptions>(RunnerOptions.Section);
        services.AddQuestMeshPython();
        services.TryAddSingleton(_ => new CompletedSteps());
        services.TryAddSingleton<FlakyCheck>();
        services.TryAddSingleton<SuiteExecutor>();
        services.TryAddSingleton<SuiteFinalizer>();
        services.AddQuestMeshConsumers(x =>
        {
            x.AddConsumer<ExecuteTestsConsumer, ExecuteTestsConsumerDefinition>();
            x.AddConsumer<FinalizeSuiteConsumer, FinalizeSuiteConsumerDefinition>();
            x.AddConsumer<MeasureSuiteConsumer, MeasureSuiteConsumerDefinition>();
        });
        return builder;
    }
}
