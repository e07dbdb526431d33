using Microsoft.Extensions.Options;
using QuestMesh.Python;

namespace QuestMesh.Generator.Consumers;

public sealed class GenerateTestsConsumerDefinition(IOptions<GeneratorOptions> options)
    : PythonStepConsumerDefinition<GenerateTestsConsumer>(options.Value.MaxConcurrentGenerations);
