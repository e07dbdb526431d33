using Microsoft.Extensions.Options;
using QuestMesh.Python;
using QuestMesh.ServiceDefaults;

namespace QuestMesh.Runner.Consumers;

public sealed class ExecuteTestsConsumerDefinition(IOptions<RunnerOptions> options, IOptions<BusOptions> bus)
    : PythonStepConsumerDefinition<ExecuteTestsConsumer>(options.Value.ConcurrentSteps, bus.Value);
