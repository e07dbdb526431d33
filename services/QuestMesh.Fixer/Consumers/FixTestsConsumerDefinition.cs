using Microsoft.Extensions.Options;
using QuestMesh.Python;
using QuestMesh.ServiceDefaults;

namespace QuestMesh.Fixer.Consumers;

public sealed class FixTestsConsumerDefinition(IOptions<FixerOptions> options, IOptions<BusOptions> bus)
    : PythonStepConsumerDefinition<FixTestsConsumer>(options.Value.ConcurrentSteps, bus.Value);
