using Microsoft.Extensions.Options;
using QuestMesh.Python;

namespace QuestMesh.StaticAnalysis.Consumers;

public sealed class AnalyzeTestsConsumerDefinition(IOptions<StaticAnalysisOptions> options)
    : PythonStepConsumerDefinition<AnalyzeTestsConsumer>(options.Value.MaxConcurrentAnalyses);
