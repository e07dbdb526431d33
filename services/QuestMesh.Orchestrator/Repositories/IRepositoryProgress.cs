using QuestMesh.Contracts;
using QuestMesh.Python.Harness;

namespace QuestMesh.Orchestrator.Repositories;

/// <summary>
/// What a repository run tells as it goes: the command line prints it, the API keeps it for
/// <c>GET /api/repository-runs/{id}</c>. Module runs go on at once, so module calls come from several threads.
/// </summary>
public interface IRepositoryProgress
{
    void LeftOut(IReadOnlyList<string> skipped);
    void Surveyed(RepositoryContext context);
    void Baseline(MeasureReply baseline);
    void Dependencies(DependencyReport dependencies);
    void Plan(IReadOnlyList<PlannedModule> planned, IReadOnlyList<SkippedModule> skipped);
    void ModuleStarted(int number, int count, PlannedModule module, TimeSpan budget);
    void ModuleStep(PlannedModule module, RunStateChanged changed);
    void ModuleEnded(ModuleOutcome outcome);
    void NotRun(IReadOnlyList<SkippedModule> modules);
    void CombinedRound(CombinedRound round);
}
