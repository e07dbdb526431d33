using QuestMesh.Contracts;
using QuestMesh.Orchestrator.Tests.Support;

namespace QuestMesh.Orchestrator.Tests.StateMachines;

/// <summary>
/// A message handled twice (a redelivery, a retry) changes nothing the first handling did not: no second
/// events.log line, no artifact written again, no second command or end event.
/// </summary>
public class DuplicateDeliveryTests
{
    [Fact]
    public async Task Should_log_one_line_for_a_reply_delivered_twice_while_awaited()
    {
        var script = new RunScript();
        script.Held.Add(typeof(ExecuteTests));
        await using var host = await RunHarness.StartAsync(script);
        var runId = await host.SubmitAsync();
        var execute = await host.PublishedAsync<ExecuteTests>(runId);
        var reply = Replies.Executed(execute, 95, 60);

        await Task.WhenAll(host.Harness.Bus.Publish(reply), host.Harness.Bus.Publish(reply));
        await host.WaitForAsync(runId, m => m.Completed);
        (await host.Saga.Consumed.SelectAsync<TestsExecuted>(m => m.Context.Message.StepId == execute.StepId).Take(2).CountAsync()).ShouldBe(2);

        var lines = File.ReadAllLines(host.ArtifactPath(runId, "events.log"));
        lines.Count(l => l.Contains($"step={execute.StepId}")).ShouldBe(1);
        lines.Select(l => l.Split(" step=")[1]).ShouldBeUnique();
        host.AllPublished<CritiqueAttempt>(runId).Count.ShouldBe(1);
        host.AllPublished<RunCompleted>(runId).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Should_write_nothing_when_every_message_of_a_finished_run_is_delivered_again()
    {
        await using var host = await RunHarness.StartAsync();
        var runId = await host.SubmitAsync();
        await host.WaitForAsync(runId, m => m.Completed);
        var before = Snapshot(host, runId);

        await host.Harness.Bus.Publish(await host.PublishedAsync<SubmitRun>(runId));
        await host.Harness.Bus.Publish(await host.PublishedAsync<TestsGenerated>(runId));
        await host.Harness.Bus.Publish(await host.PublishedAsync<TestsAnalyzed>(runId));
        await host.Harness.Bus.Publish(await host.PublishedAsync<TestsExecuted>(runId));
        await host.Harness.Bus.Publish(await host.PublishedAsync<AttemptCritiqued>(runId));
        (await host.Saga.Consumed.SelectAsync<AttemptCritiqued>(m => m.Context.Message.RunId == runId).Take(2).CountAsync()).ShouldBe(2);
        (await host.Saga.Consumed.SelectAsync<SubmitRun>(m => m.Context.Message.RunId == runId).Take(2).CountAsync()).ShouldBe(2);

        Snapshot(host, runId).ShouldBe(before);
        host.AllPublished<RunCompleted>(runId).Count.ShouldBe(1);
        host.AllPublished<GenerateTests>(runId).Count.ShouldBe(1);
    }

    /// <summary>Every artifact's name, content and last write time.</summary>
    private static List<string> Snapshot(RunHarness host, Guid runId)
    {
        var root = host.ArtifactPath(runId, "");
        return Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(p => $"{Path.GetRelativePath(root, p)} {File.GetLastWriteTimeUtc(p):O} {File.ReadAllText(p).GetHashCode()}")
            .ToList();
    }
}
