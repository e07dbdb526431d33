using QuestMesh.Contracts;
using QuestMesh.Orchestrator.Artifacts;
using QuestMesh.Python.Harness;

namespace QuestMesh.Orchestrator.Repositories;

/// <summary>
/// Keeps one repository run's <see cref="RepositoryRunRecord"/> up to date in the artifact store as the run goes:
/// it is the run's <see cref="IRepositoryProgress"/>. Updates are serialised (module runs report at once).
/// </summary>
public sealed class RepositoryRunJournal : IRepositoryProgress
{
    private readonly IArtifactStore _store;
    private readonly TimeProvider _clock;
    private readonly SemaphoreSlim _writing = new(1, 1);
    private readonly Dictionary<string, ModuleRunEntry> _modules = new(StringComparer.Ordinal);
    private RepositoryRunRecord _record;

    private RepositoryRunJournal(IArtifactStore store, TimeProvider clock, RepositoryRunRecord record)
    {
        _store = store;
        _clock = clock;
        _record = record;
    }

    public RepositoryRunRecord Record => _record;

    public static async Task<RepositoryRunJournal> OpenAsync(IArtifactStore store, TimeProvider clock, RepositoryOrder order,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var journal = new RepositoryRunJournal(store, clock, new RepositoryRunRecord
        {
            RunId = order.RunId, Tenant = order.Tenant, Status = "queued", Settings = order.Settings, Limits = order.Limits,
            Gate = order.Gate, SubmittedAt = now, UpdatedAt = now,
        });
        await journal.SaveAsync(cancellationToken);
        return journal;
    }

    public static async Task<RepositoryRunRecord?> ReadAsync(IArtifactStore store, Guid runId, CancellationToken cancellationToken) =>
        await store.ReadAsync(runId, RepositoryRunRecord.ArtifactName, cancellationToken) is { } json
            ? System.Text.Json.JsonSerializer.Deserialize<RepositoryRunRecord>(json, ArtifactJson.Options)
            : null;

    public Task UpdateAsync(Func<RepositoryRunRecord, RepositoryRunRecord> change, CancellationToken cancellationToken = default) =>
        Change(change, cancellationToken);

    public void LeftOut(IReadOnlyList<string> skipped)
    {
    }

    public void Surveyed(RepositoryContext context) =>
        Fire(r => r with { Phase = "baseline", PythonRoot = context.Prefix.Length == 0 ? "." : context.Prefix, Framework = context.Framework });

    public void Baseline(MeasureReply baseline) => Fire(r => r with { Before = baseline.Coverage.Percent });

    public void Dependencies(DependencyReport dependencies) => Fire(r => r with { Dependencies = dependencies.Summary() });

    public void Plan(IReadOnlyList<PlannedModule> planned, IReadOnlyList<SkippedModule> skipped) =>
        Fire(r =>
        {
            foreach (var module in planned)
                _modules[module.Path] = new ModuleRunEntry(module.Path, null, "planned", null, null);
            foreach (var module in skipped)
                _modules[module.Path] = new ModuleRunEntry(module.Path, null, "not-run", module.Reason, null);
            return r with { Phase = "generating", Modules = [.. _modules.Values] };
        });

    public void ModuleStarted(int number, int count, PlannedModule module, TimeSpan budget) =>
        Fire(r => WithModule(r, new ModuleRunEntry(module.Path, null, "running", null, null)));

    public void ModuleStep(PlannedModule module, RunStateChanged changed) =>
        Fire(r => WithModule(r, new ModuleRunEntry(module.Path, changed.RunId, "running", changed.State, changed.Coverage)));

    public void ModuleEnded(ModuleOutcome outcome) =>
        Fire(r => WithModule(r, new ModuleRunEntry(outcome.Module.Path, outcome.RunId, outcome.Status, outcome.Reason, outcome.Best?.Coverage)));

    public void NotRun(IReadOnlyList<SkippedModule> modules) =>
        Fire(r =>
        {
            foreach (var module in modules)
                _modules[module.Path] = new ModuleRunEntry(module.Path, null, "not-run", module.Reason, null);
            return r with { Phase = "combining", Modules = [.. _modules.Values] };
        });

    public void CombinedRound(CombinedRound round) => Fire(r => r with { Phase = "combining", After = round.Coverage.Percent });

    private RepositoryRunRecord WithModule(RepositoryRunRecord record, ModuleRunEntry entry)
    {
        _modules[entry.Path] = entry;
        return record with { Modules = [.. _modules.Values] };
    }

    // Progress is told from the run's own flow, which must not stop for a status write; a write that fails is seen at the next one.
    private void Fire(Func<RepositoryRunRecord, RepositoryRunRecord> change) => _ = Change(change, CancellationToken.None);

    private async Task Change(Func<RepositoryRunRecord, RepositoryRunRecord> change, CancellationToken cancellationToken)
    {
        await _writing.WaitAsync(cancellationToken);
        try
        {
            _record = change(_record) with { UpdatedAt = _clock.GetUtcNow() };
            await _store.WriteAsync(_record.RunId, RepositoryRunRecord.ArtifactName, ArtifactJson.Serialize(_record), cancellationToken);
        }
        finally
        {
            _writing.Release();
        }
    }

    private Task SaveAsync(CancellationToken cancellationToken) => Change(r => r, cancellationToken);
}
