using Microsoft.Extensions.Options;
using QuestMesh.Python;
using QuestMesh.ServiceDefaults;

namespace QuestMesh.Generator.Consumers;

public sealed class EnhanceTestsConsumerDefinition(IOptions<GeneratorOptions> options, IOptions<BusOptions> bus)
    : PythonStepConsumerDefinition<EnhanceTestsConsumer>(options.Value.ConcurrentSteps, bus.Value);
