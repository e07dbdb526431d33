using QuestMesh.Contracts;
using QuestMesh.Supervisor.Critiques;
using QuestMesh.Supervisor.Reliability;

namespace QuestMesh.Supervisor.Tests.Critiques;

public class CritiqueRulesTests
{
    private static readonly SupervisorOptions Options = new();
    private static readonly CritiqueRules Rules = new(Options);
    private static readonly PostReliabilityPolicy Policy = new(Options);

    public static Critique Critique(CritiqueAttempt attempt) => Rules.Build(attempt, Policy.Evaluate(attempt));

    private static CritiqueAttempt Scenario(string name) => name switch
    {
        "healthy" => Attempts.Make(),
        "syntax" => Attempts.Make(tests: [], status: "error", coverage: 0, mutation: null,
            staticReport: new StaticReport { SyntaxOk = false, SyntaxError = "line 3: invalid syntax", LineCount = 5 }),
        "collection" => Attempts.Make(tests: [], status: "error", coverage: 0, mutation: null,
            testError: "ImportError while importing test module\nE   ModuleNotFoundError: No module named 'calcs'"),
        "failing" => Attempts.Make(tests: [Attempts.Test("test_a"), Attempts.Test("test_b", "failed", "AssertionError", "assert 3 == 4")], status: "failed"),
        "no-tests" => Attempts.Make(tests: [], coverage: 0, mutation: null),
        "low-coverage" => Attempts.Make(coverage: 60, missingLines: [3]),
        "low-mutation" => Attempts.Make(mutation: 30, mutants: [Attempts.Mutant(4, "a / b", "a * b")]),
        "low-both" => Attempts.Make(coverage: 50, mutation: 10, missingLines: [3, 9]),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [InlineData("healthy", false, false, false, false, false)]
    [InlineData("syntax", true, true, true, false, false)]
    [InlineData("collection", false, true, true, false, false)]
    [InlineData("failing", false, false, false, false, true)]
    [InlineData("no-tests", false, true, true, false, false)]
    [InlineData("low-coverage", false, false, true, false, false)]
    [InlineData("low-mutation", false, false, false, true, false)]
    [InlineData("low-both", false, false, true, true, false)]
    public void Build_sets_the_flags_of_each_scenario(string scenario, bool compile, bool noTests, bool lowCoverage, bool lowMutation, bool failing)
    {
        var critique = Critique(Scenario(scenario));

        critique.CompileError.ShouldBe(compile);
        critique.NoTests.ShouldBe(noTests);
        critique.LowCoverage.ShouldBe(lowCoverage);
        critique.LowMutation.ShouldBe(lowMutation);
        critique.FailingTests.ShouldBe(failing);
    }

    [Fact]
    public void Build_on_a_healthy_attempt_gives_no_instructions()
    {
        Critique(Scenario("healthy")).Instructions.ShouldBeEmpty();
    }

    [Fact]
    public void Build_orders_instructions_by_priority()
    {
        var attempt = Attempts.Make(
            tests: [Attempts.Test("test_a"), Attempts.Test("test_b", "failed", "AssertionError", "assert 3 == 4")],
            status: "failed", coverage: 50, mutation: 20, missingLines: [3],
            mutants: [Attempts.Mutant(4, "a / b", "a * b")],
            staticReport: new StaticReport
            {
                SyntaxOk = true, LineCount = 9,
                Linters = new Dictionary<string, LinterResult>
                {
                    ["pyflakes"] = new()
                    {
                        Available = true, IssueCount = 1, ErrorCount = 1, Output = "tests/test_calc.py:7:12: undefined name 'sign'",
                        Findings = [new LintFinding { Line = 7, Column = 12, Code = "UndefinedName", Severity = "error", Message = "undefined name 'sign'" }],
                    },
                },
            },
            previous: new AttemptFigures { Attempt = 0, Coverage = 49.5, MutationScore = 20 });

        var instructions = Critique(attempt).Instructions;

        string[] order = ["undefined name 'sign'", "1 of 2 tests fail", "Fix or delete `test_b`", "Coverage of calc.py is 50 %", "Execute line 3", "Mutation score is 20 %", "Kill the mutant at module level: line 4", "No progress over attempt 0"];
        var positions = order.Select(text => instructions.ToList().FindIndex(i => i.Contains(text, StringComparison.Ordinal))).ToList();
        positions.ShouldAllBe(p => p >= 0, string.Join("\n", instructions));
        positions.ShouldBe(positions.Order().ToList());
    }

    [Fact]
    public void Build_with_a_compile_error_puts_the_syntax_error_first_and_skips_noise()
    {
        var critique = Critique(Scenario("syntax"));

        critique.Instructions[0].ShouldContain("Fix the syntax error in tests/test_calc.py: line 3: invalid syntax");
        critique.Instructions.ShouldNotContain(i => i.StartsWith("No test ran", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("ModuleNotFoundError", "No module named 'calcs'", "ModuleNotFoundError: No module named 'calcs'", "Import the code under test as `calc`")]
    [InlineData("ValueError", "boom at import", "ValueError: boom at import", "Keep module-level code to imports")]
    public void Build_with_a_collection_error_names_it_with_a_hint(string type, string message, string named, string hint)
    {
        var failure = new TestFailure { NodeId = "tests/test_calc.py", Phase = "collect", ExceptionType = type, ExceptionName = type, Message = message };
        var critique = Critique(Attempts.Make(tests: [], status: "error", coverage: 0, mutation: null,
            testError: $"tests/test_calc.py: {type}: {message}", loadFailure: failure));

        critique.Instructions.ShouldHaveSingleItem();
        critique.Instructions[0].ShouldContain(named);
        critique.Instructions[0].ShouldContain(hint);
    }

    [Fact]
    public void Build_with_a_timeout_says_so()
    {
        var critique = Critique(Attempts.Make(tests: [], status: "timeout", coverage: 0, mutation: null));

        critique.NoTests.ShouldBeTrue();
        critique.Instructions.ShouldHaveSingleItem().ShouldContain("exceeded its time limit");
    }

    [Fact]
    public void Build_with_no_tests_asks_for_test_functions_of_the_target_module()
    {
        Critique(Scenario("no-tests")).Instructions[0].ShouldContain("functions named `test_*`");
        Critique(Scenario("no-tests")).Instructions[0].ShouldContain("`calc`");
    }

    [Theory]
    [InlineData("test_2", "Fix or delete the flaky tests `test_2`: their outcome changed when the suite ran in shuffled order.")]
    [InlineData("test_1,test_3", "Fix or delete the flaky tests `test_1`, `test_3`: their outcome changed")]
    [InlineData("", null)]
    public void Build_with_flaky_tests_asks_to_fix_or_delete_them(string flaky, string? instruction)
    {
        var names = flaky.Split(',', StringSplitOptions.RemoveEmptyEntries);

        var instructions = Critique(Attempts.Make(flaky: names)).Instructions;

        if (instruction is null)
            instructions.ShouldNotContain(i => i.Contains("flaky tests", StringComparison.Ordinal));
        else
            instructions.ShouldContain(i => i.StartsWith(instruction, StringComparison.Ordinal), string.Join("\n", instructions));
    }

    [Fact]
    public void Build_with_flaky_tests_and_a_compile_error_keeps_to_the_compile_error()
    {
        var attempt = Attempts.Make(flaky: ["test_1"],
            staticReport: new StaticReport { SyntaxOk = false, SyntaxError = "line 3: invalid syntax", LineCount = 5 });

        Critique(attempt).Instructions.ShouldNotContain(i => i.Contains("flaky", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_with_failing_tests_names_each_with_its_reason()
    {
        var critique = Critique(Attempts.Make(status: "failed", tests:
        [
            Attempts.Test("test_a", "failed", "AssertionError", "assert 3 == 4\n +  where 3 = add(1, 2)"),
            Attempts.Test("test_b", "error", "ZeroDivisionError", "ZeroDivisionError: division by zero"),
        ]));

        critique.Instructions.ShouldContain("Fix or delete `test_a`: AssertionError: assert 3 == 4.");
        critique.Instructions.ShouldContain("Fix or delete `test_b`: ZeroDivisionError: division by zero.");
    }

    [Fact]
    public void Build_with_failing_tests_says_whether_the_test_or_the_code_under_test_raised()
    {
        var inTarget = Attempts.Test("test_a", "failed", "ZeroDivisionError", "division by zero") with
        {
            Failure = new TestFailure
            {
                ExceptionName = "ZeroDivisionError", RaisedOnPurpose = false,
                Frames = [new FailureFrame { File = "tests/test_calc.py", Line = 7, Kind = FrameKinds.Test }, new FailureFrame { File = "calc.py", Line = 12, Kind = FrameKinds.Target }],
            },
        };
        var inTest = Attempts.Test("test_b", "failed", "NameError", "name 'x' is not defined") with
        {
            Failure = new TestFailure { ExceptionName = "NameError", Frames = [new FailureFrame { File = "tests/test_calc.py", Line = 9, Kind = FrameKinds.Test }] },
        };

        var critique = Critique(Attempts.Make(status: "failed", tests: [inTarget, inTest]));

        critique.Instructions.ShouldContain("Fix or delete `test_a`: ZeroDivisionError: division by zero (raised in the code under test, line 12 of calc.py).");
        critique.Instructions.ShouldContain("Fix or delete `test_b`: NameError: name 'x' is not defined (raised in the test, line 9).");
    }
}
