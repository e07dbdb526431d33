using Microsoft.Extensions.Options;
using QuestMesh.Python;

namespace QuestMesh.Fixer.Consumers;

public sealed class FixTestsConsumerDefinition(IOptions<FixerOptions> options)
    : PythonStepConsumerDefinition<FixTestsConsumer>(options.Value.ConcurrentMessageLimit);
