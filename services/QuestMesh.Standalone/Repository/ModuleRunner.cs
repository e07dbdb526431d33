using System.Diagnostics;
using MassTransit;
using QuestMesh.Contracts;
using QuestMesh.Orchestrator;
using QuestMesh.Standalone.Hosting;

namespace QuestMesh.Standalone.Repository;

/// <summary>
/// One module of a repository run as a run of today's loop: a <see cref="SubmitRun"/> through the same bus and run
/// saga as <c>questmesh run --file</c>, its artifacts in their own folder, cancelled when its budget is spent.
/// </summary>
public sealed class ModuleRunner(IBus bus, RunWatcher watcher, IRunArtifactLocations locations)
{
    /// <summary>After a cancel, how long the saga may take to say the run ended before the module is given up.</summary>
    private static readonly TimeSpan CancelGrace = TimeSpan.FromMinutes(2);

    public async Task<ModuleOutcome> RunAsync(string pythonRoot, PlannedModule module, RunSettings settings, string artifacts,
        TimeSpan budget, Action<RunStateChanged> progress, CancellationToken cancellationToken)
    {
        var runId = NewId.NextGuid();
        locations.Assign(runId, artifacts);
        var events = watcher.Watch(runId);
        var clock = Stopwatch.StartNew();
        await bus.Publish(new SubmitRun
        {
            RunId = runId,
            Source = new SourceSpec { Kind = SourceKinds.Path, Path = pythonRoot },
            TargetFile = module.File,
            Settings = settings,
        }, cancellationToken);

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(budget);
        using var giveUp = new CancellationTokenSource();
        string StopReason() => cancellationToken.IsCancellationRequested
            ? "interrupted by the user"
            : $"its budget of {budget.TotalSeconds:0} s was spent";
        using var cancel = deadline.Token.Register(() =>
        {
            _ = bus.Publish(new CancelRun(runId, StopReason()), CancellationToken.None);
            giveUp.CancelAfter(CancelGrace);
        });
        ModuleOutcome Outcome(string status, string reason) => new()
        {
            Module = module, RunId = runId, Status = status, Reason = reason, Artifacts = artifacts, Duration = clock.Elapsed,
        };
        try
        {
            await foreach (var message in events.ReadAllAsync(giveUp.Token))
            {
                switch (message)
                {
                    case RunStateChanged changed:
                        progress(changed);
                        break;
                    case RunCompleted completed:
                        return Outcome(ModuleOutcome.Completed, completed.Reason) with
                        {
                            Best = completed.Final ?? completed.Best,
                            Attempts = completed.Attempts,
                            Suite = completed.Suite,
                            PossibleBugs = completed.PossibleBugs,
                        };
                    case RunFailed failed:
                        return Outcome(failed.Reason == TerminationReasons.Cancelled ? ModuleOutcome.Cancelled : ModuleOutcome.Failed, failed.Reason) with
                        {
                            Detail = deadline.IsCancellationRequested ? StopReason() : failed.Detail,
                            Attempts = failed.Attempts,
                        };
                    case ArtifactWriteFailed unwritable:
                        return Outcome(ModuleOutcome.Failed, "failed:artifact-unwritable") with { Detail = $"{unwritable.Name}: {unwritable.Reason}" };
                }
            }
        }
        catch (OperationCanceledException) when (giveUp.IsCancellationRequested)
        {
        }
        return Outcome(ModuleOutcome.Cancelled, TerminationReasons.Cancelled) with { Detail = "the run did not end after it was cancelled" };
    }
}
