using Microsoft.Extensions.Options;
using QuestMesh.Python;

namespace QuestMesh.Generator.Consumers;

public sealed class EnhanceTestsConsumerDefinition(IOptions<GeneratorOptions> options)
    : PythonStepConsumerDefinition<EnhanceTestsConsumer>(options.Value.MaxConcurrentGenerations);
