using QuestMesh.Contracts;
using QuestMesh.Orchestrator.Routing;

namespace QuestMesh.Orchestrator.Tests.Routing;

public class RouterPolicyTests
{
    private const RouteKind Fix = RouteKind.Fix;
    private const RouteKind Enhance = RouteKind.Enhance;
    private const RouteKind Finish = RouteKind.Finish;
    private const string TargetsMet = TerminationReasons.TargetsMet;
    private const string MaxAttempts = TerminationReasons.MaxAttempts;
    private const string NoProgress = TerminationReasons.NoProgress;

    // Coverage and mutation per attempt, oldest first; the last entry is the attempt being routed.
    // Targets 90 / 50, 2 fix rounds; progress is +1.0 coverage or +2.0 mutation points.
    public static TheoryData<string, double[], double[], bool, int, int, RouteKind, string?> Cases => new()
    {
        // targets
        { "targets met on attempt 0", [95], [60], false, 0, 3, Finish, TargetsMet },
        { "exactly at both targets", [90], [50], false, 0, 3, Finish, TargetsMet },
        { "coverage just below target", [89.99], [80], false, 0, 3, Enhance, null },
        { "mutation just below target", [99], [49.99], false, 0, 3, Enhance, null },
        // fix
        { "failing tests with fix rounds left", [95], [60], true, 0, 3, Fix, null },
        { "failing tests, second fix round left", [40], [10], true, 1, 3, Fix, null },
        { "failing tests, fix rounds spent, below target", [40], [10], true, 2, 3, Enhance, null },
        // A suite whose tests still fail meets no target, whatever its figures (issue 12: "targets met" only for a passing suite).
        { "failing tests, fix rounds spent, figures above target", [95], [60], true, 2, 3, Enhance, null },
        { "failing tests, fix rounds spent, last attempt", [95], [60], true, 2, 1, Finish, MaxAttempts },
        { "failing on the last attempt is still fixed", [50, 60, 70], [10, 20, 30], true, 0, 3, Fix, null },
        { "failing on the last attempt, rounds spent", [50, 60, 70], [10, 20, 30], true, 2, 3, Finish, MaxAttempts },
        // max attempts
        { "attempt budget spent below target", [50, 60, 70], [10, 20, 30], false, 0, 3, Finish, MaxAttempts },
        { "attempt budget spent wins over targets met (DESIGN order)", [50, 60, 95], [10, 20, 60], false, 0, 3, Finish, MaxAttempts },
        { "one attempt allowed", [10], [0], false, 0, 1, Finish, MaxAttempts },
        // no progress
        { "two attempts without progress", [50, 50.5, 51], [20, 21, 22], false, 0, 6, Finish, NoProgress },
        { "coverage +0.99 twice is no progress", [50, 50.99, 51.98], [20, 20, 20], false, 0, 6, Finish, NoProgress },
        { "mutation +1.99 twice is no progress", [50, 50, 50], [20, 21.99, 23.98], false, 0, 6, Finish, NoProgress },
        { "falling figures are no progress", [60, 55, 55.5], [30, 25, 26], false, 0, 6, Finish, NoProgress },
        { "coverage exactly +1.0 is progress", [50, 51, 52], [20, 20, 20], false, 0, 6, Enhance, null },
        { "mutation exactly +2.0 is progress", [50, 50, 50], [20, 22, 24], false, 0, 6, Enhance, null },
        { "+1.0 in decimals that doubles round down", [80.1, 81.1, 82.1], [20, 20, 20], false, 0, 6, Enhance, null },
        { "one attempt without progress is not enough", [50, 50.2], [20, 20], false, 0, 6, Enhance, null },
        { "progress resets the count", [50, 50.2, 50.4, 52], [20, 20, 20, 20], false, 0, 6, Enhance, null },
        { "no progress above both targets finishes as targets met", [95, 95, 95], [60, 60, 60], false, 0, 6, Finish, TargetsMet },
        { "an attempt being fixed does not count yet", [50, 50.2, 50.3], [20, 20, 20], true, 0, 6, Fix, null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Should_route_as_DESIGN_says(string scenario, double[] coverage, double[] mutation, bool failing,
        int fixRound, int maxAttempts, RouteKind route, string? reason)
    {
        var decision = new RouterPolicy(new RouterOptions()).Decide(Input(coverage, mutation, failing, fixRound, maxAttempts));

        decision.Route.ShouldBe(route, scenario);
        decision.Reason.ShouldBe(reason, scenario);
    }

    [Theory]
    [InlineData(new[] { 50.0 }, 0)]
    [InlineData(new[] { 50.0, 50.2 }, 1)]
    [InlineData(new[] { 50.0, 50.2, 52.0, 52.1 }, 1)]
    [InlineData(new[] { 50.0, 50.2, 50.3, 50.4, 50.5 }, 4)]
    public void Should_count_trailing_attempts_without_progress(double[] coverage, int stagnation)
    {
        var decision = new RouterPolicy(new RouterOptions { NoProgressAttempts = 10 })
            .Decide(Input(coverage, coverage.Select(_ => 20.0).ToArray(), false, 0, 10));

        decision.Stagnation.ShouldBe(stagnation);
    }

    [Fact]
    public void Should_take_progress_thresholds_from_options()
    {
        var strict = new RouterPolicy(new RouterOptions { CoverageProgressPoints = 5, MutationProgressPoints = 10, NoProgressAttempts = 1 });

        strict.Decide(Input([50, 54], [20, 29], false, 0, 6)).Reason.ShouldBe(NoProgress);
        strict.Decide(Input([50, 55], [20, 20], false, 0, 6)).Route.ShouldBe(Enhance);
        strict.Decide(Input([50, 50], [20, 30], false, 0, 6)).Route.ShouldBe(Enhance);
    }

    [Fact]
    public void Should_not_call_a_failing_suite_targets_met_whatever_it_covers()
    {
        // The last fix round is spent and the tests still fail: the figures reach both targets, the suite does not.
        var decision = new RouterPolicy(new RouterOptions()).Decide(Input([95], [80], failing: true, fixRound: 2, maxAttempts: 3));

        decision.Route.ShouldBe(Enhance);
        RouterPolicy.TargetsMet(new AttemptFigures { Coverage = 95, MutationScore = 80, Status = "failed" }, new RunSettings()).ShouldBeFalse();
        RouterPolicy.TargetsMet(new AttemptFigures { Coverage = 95, MutationScore = 80, Status = "passed" }, new RunSettings()).ShouldBeTrue();
    }

    private static RouterInput Input(double[] coverage, double[] mutation, bool failing, int fixRound, int maxAttempts)
    {
        var figures = coverage.Select((c, i) => new AttemptFigures { Attempt = i, Coverage = c, MutationScore = mutation[i], Status = failing && i == coverage.Length - 1 ? "failed" : "passed" }).ToList();
        return new RouterInput
        {
            Current = figures[^1],
            Earlier = figures[..^1],
            TestsFailing = failing,
            FixRound = fixRound,
            Settings = new RunSettings { MaxAttempts = maxAttempts, TargetCoverage = 90, TargetMutation = 50, MaxFixRounds = 2 },
        };
    }
}
