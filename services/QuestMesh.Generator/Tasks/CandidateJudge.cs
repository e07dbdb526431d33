using QuestMesh.Contracts;

namespace QuestMesh.Generator.Tasks;

/// <summary>Runs candidates against the task's source: each distinct module once, every candidate judged by its own tests' results.</summary>
public sealed class CandidateJudge(ModuleRunner runner)
{
    public async Task<List<JudgedCandidate>> JudgeAsync(TaskBrief brief, IReadOnlyList<TaskCandidate> candidates, CancellationToken cancellationToken)
    {
        var runs = new Dictionary<string, ModuleRun>(StringComparer.Ordinal);
        var judged = new List<JudgedCandidate>();
        foreach (var candidate in candidates)
        {
            if (!runs.TryGetValue(candidate.Module, out var run))
                runs[candidate.Module] = run = await runner.RunAsync(brief.Source, brief.TestFile, candidate.Module, cancellationToken);
            judged.Add(JudgedCandidate.From(candidate, run));
        }
        return judged;
    }

    public Task<ModuleRun> RunAsync(TaskBrief brief, string module, CancellationToken cancellationToken) =>
        runner.RunAsync(brief.Source, brief.TestFile, module, cancellationToken);
}
