using Microsoft.Extensions.Options;
using QuestMesh.Python;
using QuestMesh.ServiceDefaults;

namespace QuestMesh.StaticAnalysis.Consumers;

public sealed class AnalyzeTestsConsumerDefinition(IOptions<StaticAnalysisOptions> options, IOptions<BusOptions> bus)
    : PythonStepConsumerDefinition<AnalyzeTestsConsumer>(options.Value.ConcurrentSteps, bus.Value);
