using QuestMesh.Contracts;

namespace QuestMesh.Orchestrator.Tests.Support;

/// <summary>Replies the scripted workers (and tests answering by hand) send.</summary>
public static class Replies
{
    public const string SuiteFile = "tests/test_target.py";

    public static TestSuite Suite(int attempt, string? basedOn = null) =>
        new(SuiteFile, $"{basedOn}def test_attempt_{attempt}():\n    assert True\n");

    public static TestsAnalyzed Analyzed(AnalyzeTests command) => new()
    {
        RunId = command.RunId, Attempt = command.Attempt, StepId = command.StepId, DurationSeconds = 0.2,
        Report = new StaticReport
        {
            SyntaxOk = true, LineCount = 4, FunctionCount = 1, TestCount = 1, AvgFunctionLength = 2, MaxFunctionLength = 2,
            AvgComplexity = 1, MaxComplexity = 1,
            Linters = new Dictionary<string, LinterResult> { ["pylint"] = new() { Available = true, IssueCount = 1, ExitCode = 4, Output = "W0611" } },
        },
        Reliability = new PreReliability(PreReliability.High, 0.1, "syntax ok, no lint errors", 1),
    };

    public static TestsExecuted Executed(ExecuteTests command, double coverage, double mutation, bool failing = false) => new()
    {
        RunId = command.RunId, Attempt = command.Attempt, StepId = command.StepId, DurationSeconds = 1.5,
        Report = new ExecutionReport
        {
            Status = failing ? "failed" : "passed",
            Success = !failing,
            ExitCode = failing ? 1 : 0,
            ExecutionTime = 1.2,
            Coverage = new CoverageReport
            {
                Percent = coverage, Statements = 10, CoveredStatements = 9, Branches = 4, CoveredBranches = 3,
                MissingLines = [7], CoveredLines = [1, 2, 3, 4, 5, 6, 8, 9, 10],
                MissingBranches = [new MissingBranch(6, 7, "if x:")],
            },
            Tests =
            [
                new TestOutcome { Id = "t::test_a", Name = "test_a", Outcome = "passed" },
                new TestOutcome { Id = "t::test_b", Name = "test_b", Outcome = failing ? "failed" : "passed", Message = failing ? "assert 1 == 2" : null },
            ],
            Mutation = new MutationReport
            {
                Total = 10, Killed = (int)(mutation / 10), Survived = 10 - (int)(mutation / 10), Score = mutation,
                Mutants = [new MutantResult { Id = 1, Line = 7, Operator = "cmp", Original = "<", Mutated = "<=", Status = "survived" }],
            },
        },
    };

    public static AttemptCritiqued Critiqued(CritiqueAttempt command) => new()
    {
        RunId = command.RunId, Attempt = command.Attempt, StepId = command.StepId,
        Critique = new Critique
        {
            LowCoverage = command.Execution.Coverage?.Percent < command.Settings.TargetCoverage,
            FailingTests = command.Execution.Status != "passed",
            MissingLines = command.Execution.Coverage?.MissingLines ?? [],
            Instructions = [$"cover the missing lines of attempt {command.Attempt}"],
        },
        Reliability = new PostReliability(PostReliability.Trusted, ["all tests pass"]),
    };

    public static TestsFixed Fixed(FixTests command) => new()
    {
        RunId = command.RunId, Attempt = command.Attempt, StepId = command.StepId, DurationSeconds = 0.7,
        Suite = command.Suite with { Source = command.Suite.Source + "# fixed\n" },
        Report = new FixReport
        {
            Round = command.FixRound, FailingBefore = 1, FailingAfter = 0, Runs = 2,
            Actions = [new FixAction("test_b", "wrong-assertion", "repaired", "expected value from the code")],
        },
    };
}
