using QuestMesh.Contracts;
using QuestMesh.Runner.Execution;

namespace QuestMesh.Runner.Tests.Execution;

public class MutationPolicyTests
{
    private static readonly ExecuteTests Command = new()
    {
        Source = new SourceSpec { Path = "/p" },
        TargetFile = "calc.py",
        Suite = new TestSuite("tests/test_calc.py", ""),
    };

    private static ExecutionReport Report(string status, params string[] outcomes) => new()
    {
        Status = status,
        Tests = outcomes.Select((o, i) => new TestOutcome { Id = $"t{i}", Name = $"t{i}", Outcome = o }).ToList(),
    };

    [Fact]
    public void ShouldMutate_passing_suite()
    {
        MutationPolicy.ShouldMutate(Report("passed", "passed"), Command, new RunnerOptions()).ShouldBeTrue();
    }

    [Fact]
    public void ShouldMutate_partly_failing_suite_with_a_passing_test()
    {
        MutationPolicy.ShouldMutate(Report("failed", "failed", "passed"), Command, new RunnerOptions()).ShouldBeTrue();
    }

    [Fact]
    public void ShouldMutate_not_when_no_test_passed()
    {
        MutationPolicy.ShouldMutate(Report("failed", "failed", "error"), Command, new RunnerOptions()).ShouldBeFalse();
    }

    [Fact]
    public void ShouldMutate_not_when_nothing_ran()
    {
        MutationPolicy.ShouldMutate(Report("error"), Command, new RunnerOptions()).ShouldBeFalse();
    }

    [Fact]
    public void ShouldMutate_not_after_a_timeout()
    {
        MutationPolicy.ShouldMutate(Report("timeout", "passed"), Command, new RunnerOptions()).ShouldBeFalse();
    }

    [Fact]
    public void ShouldMutate_not_when_the_command_declines()
    {
        MutationPolicy.ShouldMutate(Report("passed", "passed"), Command with { Mutation = false }, new RunnerOptions()).ShouldBeFalse();
    }

    [Fact]
    public void ShouldMutate_not_when_the_runner_switches_it_off()
    {
        MutationPolicy.ShouldMutate(Report("passed", "passed"), Command, new RunnerOptions { Mutation = false }).ShouldBeFalse();
    }
}
