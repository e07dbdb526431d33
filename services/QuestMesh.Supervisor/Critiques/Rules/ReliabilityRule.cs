using QuestMesh.Contracts;
using QuestMesh.Supervisor.Reliability;

namespace QuestMesh.Supervisor.Critiques.Rules;

/// <summary>
/// Reliability blockers the earlier rules do not already explain (assertion-free tests, tests the
/// flaky check caught, flaky constructs, a low pre-execution verdict) become instructions of their own.
/// </summary>
public sealed class ReliabilityRule(SupervisorOptions options) : ICritiqueRule
{
    public void Apply(AttemptFacts facts, PostReliability reliability, CritiqueBuilder critique)
    {
        if (reliability.Level == PostReliability.Trusted || critique.Blocked)
            return;
        foreach (var reason in reliability.Reasons)
        {
            if (reason.StartsWith(ReliabilityReasons.AssertionFree, StringComparison.Ordinal))
                critique.Instruct(
                    $"The tests {reason[ReliabilityReasons.AssertionFree.Length..].Trim()}: they run the code without checking it. " +
                    "Replace bare calls with assertions on the exact results (`assert f(x) == expected`).");
            else if (reason.StartsWith(ReliabilityReasons.FlakyTests, StringComparison.Ordinal))
                critique.Instruct(
                    $"Fix or delete the flaky tests {TestNameList.Format(facts.Flaky.Select(t => t.Name), options.MaxListedFailures, n => $"`{n}`")}: " +
                    "their outcome changed when the suite ran in shuffled order. Each test must build the state it checks itself " +
                    "(no module-level lists or objects another test fills, no reliance on test order); delete a test that cannot be made independent.");
            else if (reason.StartsWith(ReliabilityReasons.Flaky, StringComparison.Ordinal))
                critique.Instruct(
                    $"Make the tests deterministic ({reason[ReliabilityReasons.Flaky.Length..].Trim()}): seed random generators, " +
                    "pass fixed times instead of reading the clock, drop sleeps and network calls.");
            else if (reason.StartsWith(ReliabilityReasons.LowPreReliability, StringComparison.Ordinal))
                critique.Instruct(
                    $"The suite was judged low-reliability before it ran ({reason[ReliabilityReasons.LowPreReliability.Length..].Trim()}): " +
                    "prefer short tests with one clear assertion each on observed behaviour.");
        }
    }
}
