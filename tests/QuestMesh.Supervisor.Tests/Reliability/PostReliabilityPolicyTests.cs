using QuestMesh.Contracts;
using QuestMesh.Supervisor.Reliability;

namespace QuestMesh.Supervisor.Tests.Reliability;

public class PostReliabilityPolicyTests
{
    private static readonly PostReliabilityPolicy Policy = new(new SupervisorOptions());

    private static StaticReport Clean(IReadOnlyList<string> smells) =>
        new() { SyntaxOk = true, LineCount = 4, TestCount = 1, TargetModule = "calc", FlakinessSmells = smells };

    private static CritiqueAttempt Scenario(string name) => name switch
    {
        "healthy" => Attempts.Make(),
        "no-tests" => Attempts.Make(tests: [], coverage: 0, mutation: null),
        "collection-error" => Attempts.Make(tests: [], status: "error", coverage: 0, mutation: null, testError: "E   ImportError: nope"),
        "compile-error" => Attempts.Make(staticReport: new StaticReport { SyntaxOk = false, SyntaxError = "line 2: invalid syntax", LineCount = 3 }),
        "all-fail" => Attempts.Make(status: "failed", tests: [Attempts.Test("test_a", "failed"), Attempts.Test("test_b", "error")]),
        "some-fail" => Attempts.Make(status: "failed", tests: [Attempts.Test("test_a"), Attempts.Test("test_b", "failed")]),
        "low-pre" => Attempts.Make(preLevel: PreReliability.Low),
        // The smells as the harness's static analysis finds them in these sources (harness tests: test_static.py).
        "sleepy" => Attempts.Make(suiteSource: "import time\n\ndef test_x():\n    time.sleep(1)\n    assert True\n",
            staticReport: Clean(["sleeps"])),
        "random" => Attempts.Make(suiteSource: "import random\n\ndef test_x():\n    assert random.randint(1, 2) > 0\n",
            staticReport: Clean(["unseeded randomness"])),
        "seeded-random" => Attempts.Make(suiteSource: "import random\nrandom.seed(4)\n\ndef test_x():\n    assert random.randint(1, 2) > 0\n"),
        "flaky-test" => Attempts.Make(flaky: ["test_2"]),
        "flaky-tests" => Attempts.Make(flaky: ["test_1", "test_3"]),
        "flaky-and-failing" => Attempts.Make(status: "failed", tests: [Attempts.Test("test_a"), Attempts.Test("test_b", "failed")], flaky: ["test_b"]),
        "rerun-differs" => Attempts.Make(tests: [Attempts.Test("test_a"), Attempts.Test("test_a", "failed"), Attempts.Test("test_b")]),
        "assertion-free" => Attempts.Make(coverage: 95, mutation: 10),
        "low-but-honest" => Attempts.Make(coverage: 40, mutation: 10),
        "mutation-failed" => Attempts.Make(mutation: null) is var m ? m with { Execution = m.Execution with { MutationError = "Mutation testing did not finish within 600 s; raise Runner:MutationTimeoutSeconds." } } : null!,
        "skipped-only" => Attempts.Make(tests: [Attempts.Test("test_a", "skipped")]),
        "default-static" => Attempts.Make(staticReport: new StaticReport()),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [InlineData("healthy", PostReliability.Trusted, "all 4 tests pass")]
    [InlineData("no-tests", PostReliability.Discard, "no tests ran")]
    [InlineData("skipped-only", PostReliability.Discard, "no tests ran")]
    [InlineData("collection-error", PostReliability.Discard, "no tests ran (the test module did not load)")]
    [InlineData("compile-error", PostReliability.Discard, "compile error: line 2: invalid syntax")]
    [InlineData("all-fail", PostReliability.Discard, "all tests fail: 2 of 2")]
    [InlineData("some-fail", PostReliability.NeedsReview, "failing tests: 1 of 2 fail or error")]
    [InlineData("low-pre", PostReliability.NeedsReview, "low pre-reliability: high entropy")]
    [InlineData("sleepy", PostReliability.NeedsReview, "flaky-looking: sleeps")]
    [InlineData("random", PostReliability.NeedsReview, "flaky-looking: unseeded randomness")]
    [InlineData("seeded-random", PostReliability.Trusted, "all 4 tests pass")]
    [InlineData("flaky-test", PostReliability.NeedsReview, "flaky tests: test_2 changed outcome across 3 shuffled reruns")]
    [InlineData("flaky-tests", PostReliability.NeedsReview, "flaky tests: test_1, test_3 changed outcome across 3 shuffled reruns")]
    [InlineData("flaky-and-failing", PostReliability.NeedsReview, "flaky tests: test_b changed outcome across 3 shuffled reruns")]
    [InlineData("rerun-differs", PostReliability.NeedsReview, "flaky-looking: outcome changed between runs of tests/test_calc.py::test_a")]
    [InlineData("assertion-free", PostReliability.NeedsReview, "assertion-free: reach 95 % coverage but kill only 10 % of mutants")]
    [InlineData("low-but-honest", PostReliability.NeedsReview, "below target: coverage 40 % (target 90 %)")]
    [InlineData("low-but-honest", PostReliability.NeedsReview, "below target: mutation score 10 % (target 50 %)")]
    [InlineData("mutation-failed", PostReliability.NeedsReview, "runner error: Mutation testing did not finish within 600 s; raise Runner:MutationTimeoutSeconds.")]
    [InlineData("default-static", PostReliability.Trusted, "all 4 tests pass")]
    public void Evaluate_gives_the_level_and_reason_of_each_scenario(string scenario, string level, string reason)
    {
        var verdict = Policy.Evaluate(Scenario(scenario));

        verdict.Level.ShouldBe(level);
        verdict.Reasons.ShouldContain(reason);
    }

    [Fact]
    public void Discard_wins_over_review_reasons()
    {
        var attempt = Attempts.Make(status: "failed", preLevel: PreReliability.Low, tests: [Attempts.Test("test_a", "failed")]);

        var verdict = Policy.Evaluate(attempt);

        verdict.Level.ShouldBe(PostReliability.Discard);
        verdict.Reasons.ShouldHaveSingleItem();
    }

    [Fact]
    public void Review_lists_every_reason()
    {
        var attempt = Attempts.Make(status: "failed", preLevel: PreReliability.Low, coverage: 90, mutation: 5,
            tests: [Attempts.Test("test_a"), Attempts.Test("test_b", "failed")]);

        // failing tests, low pre-reliability, assertion-free, mutation below target
        Policy.Evaluate(attempt).Reasons.Count.ShouldBe(4);
    }

    [Fact]
    public void Flaky_tests_listed_are_capped_by_the_options()
    {
        var capped = new PostReliabilityPolicy(new SupervisorOptions { MaxListedFailures = 2 });

        capped.Evaluate(Attempts.Make(flaky: ["test_1", "test_2", "test_3", "test_4"])).Reasons
            .ShouldContain("flaky tests: test_1, test_2 and 2 more changed outcome across 3 shuffled reruns");
    }

    [Fact]
    public void Thresholds_come_from_the_options()
    {
        var strict = new PostReliabilityPolicy(new SupervisorOptions { AssertionFreeMaxMutation = 50 });

        var attempt = Attempts.Make(coverage: 95, mutation: 40) with { Settings = new RunSettings { TargetMutation = 30 } };
        strict.Evaluate(attempt).Level.ShouldBe(PostReliability.NeedsReview);
        Policy.Evaluate(attempt).Level.ShouldBe(PostReliability.Trusted);
    }
}
