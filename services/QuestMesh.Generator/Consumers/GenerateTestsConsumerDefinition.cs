using Microsoft.Extensions.Options;
using QuestMesh.Python;
using QuestMesh.ServiceDefaults;

namespace QuestMesh.Generator.Consumers;

public sealed class GenerateTestsConsumerDefinition(IOptions<GeneratorOptions> options, IOptions<BusOptions> bus)
    : PythonStepConsumerDefinition<GenerateTestsConsumer>(options.Value.ConcurrentSteps, bus.Value);
