using QuestMesh.Contracts;

namespace QuestMesh.Supervisor.Tests;

/// <summary>Builds critique inputs from a few figures; everything else is a healthy default.</summary>
public static class Attempts
{
    public const string TargetCode = """
        def div(a, b):
            if b == 0:
                return 0
            return a / b


        def sign(x):
            if x < 0:
                return -1
            return 1
        """;

    public static TestOutcome Test(string name, string outcome = "passed", string? errorType = null, string? message = null) =>
        new() { Id = $"tests/test_calc.py::{name}", Name = name, Outcome = outcome, ErrorType = errorType, Message = message };

    public static IReadOnlyList<TestOutcome> Passing(int count) =>
        Enumerable.Range(1, count).Select(i => Test($"test_{i}")).ToList();

    public static CritiqueAttempt Make(
        IReadOnlyList<TestOutcome>? tests = null,
        double coverage = 95,
        double? mutation = 80,
        string status = "passed",
        string? testError = null,
        TestFailure? loadFailure = null,
        StaticReport? staticReport = null,
        string preLevel = PreReliability.High,
        AttemptFigures? previous = null,
        string suiteSource = "from calc import div\n\ndef test_div():\n    assert div(4, 2) == 2\n",
        IReadOnlyList<int>? missingLines = null,
        IReadOnlyList<MissingBranch>? missingBranches = null,
        IReadOnlyList<MutantResult>? mutants = null,
        string? targetCode = TargetCode,
        IReadOnlyList<string>? flaky = null) => new()
    {
        RunId = Guid.NewGuid(),
        Attempt = previous is null ? 0 : previous.Attempt + 1,
        StepId = Guid.NewGuid(),
        TargetFile = "calc.py",
        Suite = new TestSuite("tests/test_calc.py", suiteSource),
        Static = staticReport ?? new StaticReport { SyntaxOk = true, LineCount = 4, TestCount = 1, TargetModule = "calc" },
        PreReliability = new PreReliability(preLevel, 0.3, preLevel == PreReliability.Low ? "high entropy" : "", 0),
        Previous = previous,
        TargetCode = targetCode,
        Execution = new ExecutionReport
        {
            Status = status,
            Success = status == "passed",
            TestError = testError,
            CollectionFailures = loadFailure is null ? [] : [loadFailure],
            Tests = (tests ?? Passing(4)).Select(t => t with { Flaky = flaky?.Contains(t.Name) == true }).ToList(),
            FlakyTests = flaky?.Select(name => $"tests/test_calc.py::{name}").ToList() ?? [],
            FlakyRuns = flaky is null ? 0 : 3,
            Coverage = new CoverageReport
            {
                Percent = coverage,
                MissingLines = missingLines ?? [],
                MissingBranches = missingBranches ?? [],
            },
            Mutation = mutation is null ? null : new MutationReport
            {
                Total = 10,
                Killed = (int)(mutation / 10),
                Survived = 10 - (int)(mutation / 10),
                Score = mutation.Value,
                Mutants = mutants ?? [],
            },
        },
    };

    public static MutantResult Mutant(int line, string original, string mutated, string status = "survived") =>
        new() { Id = line, Line = line, Operator = "arith", Original = original, Mutated = mutated, Status = status };
}
