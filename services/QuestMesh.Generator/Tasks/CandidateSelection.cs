using QuestMesh.Contracts;

namespace QuestMesh.Generator.Tasks;

/// <summary>
/// Which judged candidates are recommended: those that passed and execute a line of the uncovered
/// ranges, taken greedily (most range lines first) while each adds a range line the ones before it do
/// not execute, up to a limit. Every other candidate is dropped with the reason. Pure.
/// </summary>
public static class CandidateSelection
{
    public sealed record Choice(IReadOnlyList<JudgedCandidate> Kept, IReadOnlyList<RejectedTest> Dropped);

    public static Choice Choose(IReadOnlyList<JudgedCandidate> judged, IReadOnlyList<int> rangeLines, int limit)
    {
        var wanted = rangeLines.ToHashSet();
        var kept = new List<JudgedCandidate>();
        var dropped = new List<RejectedTest>();
        var covered = new HashSet<int>();
        var ordered = judged
            .Select((candidate, index) => (Candidate: candidate, Index: index, InRange: candidate.Lines.Count(wanted.Contains)))
            .OrderByDescending(c => c.Candidate.Passed)
            .ThenByDescending(c => c.InRange)
            .ThenBy(c => c.Index);
        foreach (var (candidate, _, inRange) in ordered)
        {
            var name = candidate.Candidate.Label;
            if (!candidate.Passed)
                dropped.Add(new RejectedTest(name, candidate.Candidate.Repaired
                    ? $"failed, and so did its one repair: {candidate.Failure}"
                    : $"failed: {candidate.Failure}"));
            else if (inRange == 0)
                dropped.Add(new RejectedTest(name, "passes, but executes none of the uncovered lines"));
            else if (candidate.Lines.Where(wanted.Contains).All(covered.Contains))
                dropped.Add(new RejectedTest(name, "passes, but the uncovered lines it executes are executed by a test recommended before it"));
            else if (kept.Count >= limit)
                dropped.Add(new RejectedTest(name, $"passes, but {limit} tests are recommended already (Generator:Tasks:MaxRecommendedTests)"));
            else
            {
                kept.Add(candidate);
                covered.UnionWith(candidate.Lines.Where(wanted.Contains));
            }
        }
        return new Choice(kept, dropped);
    }
}
