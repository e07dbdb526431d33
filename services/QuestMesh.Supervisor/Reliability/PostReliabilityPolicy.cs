using System.Globalization;
using QuestMesh.Contracts;
using QuestMesh.Supervisor.Critiques;

namespace QuestMesh.Supervisor.Reliability;

/// <summary>
/// Post-execution reliability (<c>post_reliability.json</c>): <c>discard</c> when the suite proves nothing
/// (no test ran, it does not compile, every test fails); <c>needs_review</c> when it runs but a person should
/// look (some tests fail, low pre-reliability, flaky tests or flaky-looking source, high coverage with a
/// very low mutation score, the mark of tests without assertions; coverage or mutation below the run's targets;
/// mutation testing that did not run); <c>trusted</c> otherwise.
/// </summary>
public sealed class PostReliabilityPolicy(SupervisorOptions options)
{
    public PostReliability Evaluate(CritiqueAttempt attempt) => Evaluate(AttemptFacts.From(attempt));

    public PostReliability Evaluate(AttemptFacts facts)
    {
        var discard = DiscardReasons(facts).ToList();
        if (discard.Count > 0)
            return new PostReliability(PostReliability.Discard, discard);
        var review = ReviewReasons(facts).ToList();
        if (review.Count > 0)
            return new PostReliability(PostReliability.NeedsReview, review);
        return new PostReliability(PostReliability.Trusted, TrustedReasons(facts).ToList());
    }

    private static IEnumerable<string> DiscardReasons(AttemptFacts facts)
    {
        if (facts.CompileError)
            yield return $"{ReliabilityReasons.CompileError} {facts.CompileMessage ?? "the test module does not compile"}";
        if (facts.Ran.Count == 0)
            yield return ReliabilityReasons.NoTestsRan + (facts.CollectionError ? " (the test module did not load)" : facts.TimedOut ? " (the run timed out)" : "");
        else if (facts.Passed == 0 && facts.Failing.Count > 0)
            yield return $"{ReliabilityReasons.AllFail} {facts.Failing.Count} of {facts.Ran.Count}";
    }

    private IEnumerable<string> ReviewReasons(AttemptFacts facts)
    {
        if (facts.Failing.Count > 0)
            yield return $"{ReliabilityReasons.SomeFail} {facts.Failing.Count} of {facts.Ran.Count} fail or error";
        var pre = facts.Input.PreReliability;
        if (pre.Level == PreReliability.Low)
            yield return $"{ReliabilityReasons.LowPreReliability} {(string.IsNullOrWhiteSpace(pre.Rationale) ? "judged low before execution" : pre.Rationale.Trim())}";
        if (facts.Flaky.Count > 0)
            yield return $"{ReliabilityReasons.FlakyTests} {TestNameList.Format(facts.Flaky.Select(t => t.Name), options.MaxListedFailures)} " +
                         $"changed outcome across {Reruns(facts.Input.Execution.FlakyRuns)}";
        var smells = FlakinessSigns(facts.Input);
        if (smells.Count > 0)
            yield return $"{ReliabilityReasons.Flaky} {string.Join(", ", smells)}";
        if (facts.MutationScore is { } score && facts.Coverage >= options.AssertionFreeMinCoverage && score < options.AssertionFreeMaxMutation)
            yield return $"{ReliabilityReasons.AssertionFree} reach {Points(facts.Coverage)} % coverage but kill only {Points(score)} % of mutants";
        var settings = facts.Input.Settings;
        if (facts.Coverage < settings.TargetCoverage)
            yield return $"{ReliabilityReasons.BelowTarget} coverage {Points(facts.Coverage)} % (target {Points(settings.TargetCoverage)} %)";
        if (facts.MutationScore is { } mutation && mutation < settings.TargetMutation)
            yield return $"{ReliabilityReasons.BelowTarget} mutation score {Points(mutation)} % (target {Points(settings.TargetMutation)} %)";
        if (facts.Input.Execution.MutationError is { Length: > 0 } mutationError)
            yield return $"{ReliabilityReasons.RunnerError} {AttemptFacts.FirstLine(mutationError)}";
    }

    private static IEnumerable<string> TrustedReasons(AttemptFacts facts)
    {
        yield return $"all {facts.Ran.Count} tests pass";
        yield return $"coverage {Points(facts.Coverage)} %";
        if (facts.MutationScore is { } score)
            yield return $"mutation score {Points(score)} %";
    }

    /// <summary>
    /// Signs that the verdict may change from run to run: the suite's constructs that depend on time, chance
    /// or the network (found by the harness in its syntax tree), an outcome that differed between runs, a timeout.
    /// </summary>
    private static List<string> FlakinessSigns(CritiqueAttempt input)
    {
        var signs = new List<string>(input.Static.FlakinessSmells);
        var execution = input.Execution;
        var changed = execution.Tests
            .GroupBy(t => t.Id)
            .Where(g => g.Select(t => t.Outcome).Distinct().Count() > 1)
            .Select(g => g.Key)
            .ToList();
        if (changed.Count > 0)
            signs.Add($"outcome changed between runs of {string.Join(", ", changed)}");
        if (execution.Status == "timeout")
            signs.Add("the run timed out");
        return signs;
    }

    private static string Reruns(int count) => count > 0 ? $"{count} shuffled reruns" : "shuffled reruns";

    private static string Points(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
