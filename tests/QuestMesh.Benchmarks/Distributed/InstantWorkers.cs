using MassTransit;
using QuestMesh.Contracts;

namespace QuestMesh.Benchmarks.Distributed;

/// <summary>
/// Stand-ins for the five worker services that answer every step command at once with a passing suite,
/// so that the saga alone is measured. A measurement harness, not product code.
/// </summary>
public static class InstantWorkers
{
    private static readonly TestSuite Suite = new("tests/test_target.py", "from pkg.target import f\n\n\ndef test_f():\n    assert f(1) == 1\n");

    public static void Register(IBusRegistrationConfigurator bus)
    {
        // Temporary queues (gone when the bench stops) and enough in flight that the workers never make the saga wait.
        static void Endpoint(IEndpointRegistrationConfigurator e)
        {
            e.Temporary = true;
            e.PrefetchCount = 64;
            e.ConcurrentMessageLimit = 64;
        }
        bus.AddConsumer<InstantGenerator>().Endpoint(Endpoint);
        bus.AddConsumer<InstantAnalyzer>().Endpoint(Endpoint);
        bus.AddConsumer<InstantRunner>().Endpoint(Endpoint);
        bus.AddConsumer<InstantSupervisor>().Endpoint(Endpoint);
        bus.AddConsumer<InstantFixer>().Endpoint(Endpoint);
    }

    public sealed class InstantGenerator : IConsumer<GenerateTests>, IConsumer<EnhanceTests>
    {
        public Task Consume(ConsumeContext<GenerateTests> context) => Reply(context, context.Message.RunId, context.Message.Attempt, context.Message.StepId);

        public Task Consume(ConsumeContext<EnhanceTests> context) => Reply(context, context.Message.RunId, context.Message.Attempt, context.Message.StepId);

        private static Task Reply(ConsumeContext context, Guid runId, int attempt, Guid stepId) => context.Publish(new TestsGenerated
        {
            RunId = runId, Attempt = attempt, StepId = stepId, DurationSeconds = 0.01, Suite = Suite,
            Metadata = new LlmMetadata { Strategy = "search" },
            ContextJson = """{"summary":"a module","symbols":["f"]}""",
            TargetCode = "def f(x):\n    return x\n",
        });
    }

    public sealed class InstantAnalyzer : IConsumer<AnalyzeTests>
    {
        public Task Consume(ConsumeContext<AnalyzeTests> context) => context.Publish(new TestsAnalyzed
        {
            RunId = context.Message.RunId, Attempt = context.Message.Attempt, StepId = context.Message.StepId, DurationSeconds = 0.01,
            Report = new StaticReport { SyntaxOk = true, LineCount = 5, FunctionCount = 1, TestCount = 1 },
            Reliability = new PreReliability(PreReliability.High, 0.1, "syntax ok", 0),
        });
    }

    public sealed class InstantRunner : IConsumer<ExecuteTests>
    {
        public Task Consume(ConsumeContext<ExecuteTests> context) => context.Publish(new TestsExecuted
        {
            RunId = context.Message.RunId, Attempt = context.Message.Attempt, StepId = context.Message.StepId, DurationSeconds = 0.01,
            Report = new ExecutionReport
            {
                Status = "passed", Success = true,
                Coverage = new CoverageReport { Percent = 100, Statements = 2, CoveredStatements = 2, CoveredLines = [1, 2] },
                Tests = [new TestOutcome { Id = "tests/test_target.py::test_f", Name = "test_f", Outcome = "passed" }],
                Mutation = new MutationReport { Total = 2, Killed = 2, Score = 100 },
            },
        });
    }

    public sealed class InstantSupervisor : IConsumer<CritiqueAttempt>
    {
        public Task Consume(ConsumeContext<CritiqueAttempt> context) => context.Publish(new AttemptCritiqued
        {
            RunId = context.Message.RunId, Attempt = context.Message.Attempt, StepId = context.Message.StepId,
            Critique = new Critique { Instructions = ["nothing to add"] },
            Reliability = new PostReliability(PostReliability.Trusted, ["all tests pass"]),
        });
    }

    public sealed class InstantFixer : IConsumer<FixTests>
    {
        public Task Consume(ConsumeContext<FixTests> context) => context.Publish(new TestsFixed
        {
            RunId = context.Message.RunId, Attempt = context.Message.Attempt, StepId = context.Message.StepId, DurationSeconds = 0.01,
            Suite = context.Message.Suite,
            Report = new FixReport { Round = context.Message.FixRound },
        });
    }
}
