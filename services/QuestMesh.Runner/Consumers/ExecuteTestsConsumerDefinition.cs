using Microsoft.Extensions.Options;
using QuestMesh.Python;

namespace QuestMesh.Runner.Consumers;

public sealed class ExecuteTestsConsumerDefinition(IOptions<RunnerOptions> options)
    : PythonStepConsumerDefinition<ExecuteTestsConsumer>(options.Value.MaxConcurrentExecutions);
