using Microsoft.Extensions.Options;
using QuestMesh.Python;
using QuestMesh.ServiceDefaults;

namespace QuestMesh.Generator.Consumers;

public sealed class GenerateTestFileConsumerDefinition(IOptions<GeneratorOptions> options, IOptions<BusOptions> bus)
    : PythonStepConsumerDefinition<GenerateTestFileConsumer>(options.Value.ConcurrentSteps, bus.Value);
