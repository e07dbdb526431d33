using QuestMesh.Contracts;
using QuestMesh.Orchestrator.Persistence.Artifacts;

namespace QuestMesh.IntegrationTests.Support;

/// <summary>What every finished one-attempt run must show, however its steps were delivered.</summary>
public static class RunChecks
{
    /// <summary>The run's end as the client heard it; a <see cref="RunFailed"/> or no end in time fails with the services' last words.</summary>
    public static async Task<RunCompleted> CompletedAsync(ServiceHosts hosts, Guid runId, TimeSpan timeout, Func<string> context)
    {
        object end;
        try
        {
            end = await hosts.Ends.Of(runId).WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Run {runId} did not end within {timeout.TotalMinutes:0} min.\n{context()}");
        }
        return end.ShouldBeOfType<RunCompleted>($"run {runId} ended with {(end as RunFailed)?.Reason}\n{context()}");
    }

    /// <summary>
    /// The run reached its end once, with its one attempt counted once, in the saga's row, in what the
    /// client heard and in <c>events.log</c>, where no line was written twice; its artifacts are all there.
    /// </summary>
    public static async Task ShouldHaveEndedOnceAsync(ServiceHosts hosts, Guid runId, RunCompleted completed)
    {
        hosts.Ends.CountOf(runId).ShouldBe(1, $"ends heard for run {runId}");
        completed.Attempts.Select(a => a.Attempt).ShouldBe([0]);
        completed.Best.Coverage.ShouldBeGreaterThan(0);

        var run = (await hosts.LoadAsync(runId)).ShouldNotBeNull();
        run.CurrentState.ShouldBe("Completed");
        run.TerminationReason.ShouldBe(completed.Reason);
        run.Attempts.Select(a => a.Attempt).ShouldBe([0]);

        var lines = await hosts.EventLinesAsync(runId);
        lines.ShouldBeUnique();
        lines.Select(l => l.Split(" step=")[1].Split(' ')[0]).ShouldBeUnique();
        lines.Count(l => l.Contains(" state=Completed ", StringComparison.Ordinal)).ShouldBe(1, string.Join('\n', lines));
        hosts.Artifacts.ShouldBeOfType<PostgreSqlArtifactStore>();
        var names = await hosts.Artifacts.ListAsync(runId);
        foreach (var name in ShopRuns.SeedArtifacts)
            names.ShouldContain(name, $"{name} is missing");
    }
}
