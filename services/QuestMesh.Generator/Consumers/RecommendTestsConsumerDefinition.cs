using Microsoft.Extensions.Options;
using QuestMesh.Python;
using QuestMesh.ServiceDefaults;

namespace QuestMesh.Generator.Consumers;

public sealed class RecommendTestsConsumerDefinition(IOptions<GeneratorOptions> options, IOptions<BusOptions> bus)
    : PythonStepConsumerDefinition<RecommendTestsConsumer>(options.Value.ConcurrentSteps, bus.Value);
