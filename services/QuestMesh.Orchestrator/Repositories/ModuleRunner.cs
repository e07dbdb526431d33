using System.Diagnostics;
using MassTransit;
using QuestMesh.Contracts;
using QuestMesh.Orchestrator.Runs;

namespace QuestMesh.Orchestrator.Repositories;

/// <summary>
/// One module of a repository run as a run of today's loop: a <see cref="SubmitRun"/> through the same bus and run
/// saga as <c>questmesh run --file</c> (in distributed mode its steps go to whichever workers are free), its artifacts
/// in a folder of their own when one is given, cancelled when its budget is spent.
/// </summary>
public sealed class ModuleRunner(IBus bus, RunWatcher watcher, IRunArtifactLocations locations)
{
    /// <summary>After a cancel, how long the saga may take to say the run ended before the module is given up.</summary>
    private static readonly TimeSpan CancelGrace = TimeSpan.FromMinutes(2);

    /// <param name="source">The repository, its Python root the source's <see cref="SourceSpec.Root"/>.</param>
    /// <param name="tenant">Whose run it is (the repository run's caller), so that its caller can look it up.</param>
    /// <param name="artifacts">The run's artifact folder (the command line's); null: where the host keeps runs' artifacts.</param>
    public async Task<ModuleOutcome> RunAsync(SourceSpec source, PlannedModule module, RunSettings settings, string? tenant, string? artifacts,
        TimeSpan budget, Action<RunStateChanged> progress, CancellationToken cancellationToken)
    {
        var runId = NewId.NextGuid();
        if (artifacts is not null)
            locations.Assign(runId, artifacts);
        var events = watcher.Watch(runId);
        try
        {
            return await FollowAsync(runId, events, new SubmitRun
            {
                RunId = runId,
                Source = source,
                TargetFile = module.File,
                Settings = settings,
                Tenant = tenant,
            }, module, artifacts, budget, progress, cancellationToken);
        }
        finally
        {
            watcher.Forget(runId);
        }
    }

    private async Task<ModuleOutcome> FollowAsync(Guid runId, System.Threading.Channels.ChannelReader<object> events, SubmitRun submit,
        PlannedModule module, string? artifacts, TimeSpan budget, Action<RunStateChanged> progress, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        await bus.Publish(submit, cancellationToken);

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
                            // The best passing attempt before the end still goes into the combined suite.
                            Best = failed.Best,
                            Suite = failed.Suite,
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
