using Microsoft.EntityFrameworkCore;
using Npgsql;
using QuestMesh.Contracts;
using QuestMesh.IntegrationTests.Support;
using QuestMesh.Orchestrator.StateMachines;

namespace QuestMesh.IntegrationTests.Sagas;

/// <summary>The run saga in a real PostgreSQL through the orchestrator's EF Core saga repository.</summary>
[Collection(InfrastructureCollection.Name)]
public class RunSagaRepositoryTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task Should_insert_a_submitted_run_and_load_it_back_whole()
    {
        await using var host = await SagaHost.StartAsync(infrastructure);
        var runId = await host.SubmitAsync();
        var generate = await host.CommandAsync<GenerateTests>(runId);

        var run = (await host.LoadAsync(runId)).ShouldNotBeNull();

        run.CurrentState.ShouldBe("Generating");
        run.GenerateStepId.ShouldBe(generate.StepId);
        run.Source.Kind.ShouldBe(SourceKinds.Inline);
        run.Source.Files.ShouldNotBeNull().Single().Path.ShouldBe("pkg/target.py");
        run.Settings.MaxAttempts.ShouldBe(1);
        run.StepDeadline.ShouldNotBeNull();
        run.RowVersion.ShouldNotBe(0u);
    }

    [Fact]
    public async Task Should_create_one_run_when_the_submission_is_delivered_twice()
    {
        await using var host = await SagaHost.StartAsync(infrastructure);
        var runId = await host.SubmitAsync();
        var submit = await host.CommandAsync<SubmitRun>(runId);
        await host.CommandAsync<GenerateTests>(runId);

        await host.Harness.Bus.Publish(submit);
        (await host.ConsumedAsync<SubmitRun>(runId, 2)).ShouldBe(2);

        await using var db = host.NewDbContext();
        (await db.Runs.CountAsync(r => r.CorrelationId == runId)).ShouldBe(1);
        (await host.Harness.Published.SelectAsync<GenerateTests>(m => m.Context.Message.RunId == runId).CountAsync()).ShouldBe(1);
        (await host.EventLinesAsync(runId)).Length.ShouldBe(1);
    }

    [Fact]
    public async Task Should_refuse_an_update_based_on_a_stale_row_version()
    {
        await using var host = await SagaHost.StartAsync(infrastructure);
        var runId = await host.SubmitAsync();
        await host.CommandAsync<GenerateTests>(runId);
        await using var first = host.NewDbContext();
        await using var second = host.NewDbContext();
        var mine = await first.Runs.SingleAsync(r => r.CorrelationId == runId);
        var theirs = await second.Runs.SingleAsync(r => r.CorrelationId == runId);

        theirs.StatusDetail = "changed by another orchestrator";
        await second.SaveChangesAsync();
        mine.StatusDetail = "changed on a stale copy";

        await Should.ThrowAsync<DbUpdateConcurrencyException>(() => first.SaveChangesAsync());
    }

    /// <summary>
    /// Another transaction changes the run while the saga handles a reply: the saga's update loses the
    /// race on xmin, the endpoint's retry handles the reply again on the fresh row, and the transition's
    /// side effects (the events.log line keyed by the reply's StepId) are there once. The transition's
    /// artifacts are written in the transaction of the run's row: no other reader sees them while that
    /// save waits, and the lost attempt's are rolled back with it.
    /// </summary>
    [Fact]
    public async Task Should_retry_a_reply_that_lost_a_race_and_write_its_effects_once()
    {
        await using var host = await SagaHost.StartAsync(infrastructure);
        var runId = await host.SubmitAsync();
        await host.Harness.Bus.Publish(Replies.Generated(await host.CommandAsync<GenerateTests>(runId)));
        var analyze = await host.CommandAsync<AnalyzeTests>(runId);
        await host.CommandAsync<ExecuteTests>(runId);

        await using (var blocker = new NpgsqlConnection(host.ConnectionString))
        {
            await blocker.OpenAsync();
            await using var transaction = await blocker.BeginTransactionAsync();
            await using (var touch = new NpgsqlCommand("""UPDATE runs SET "StatusDetail" = 'touched' WHERE "CorrelationId" = @id""", blocker, transaction))
            {
                touch.Parameters.AddWithValue("id", runId);
                (await touch.ExecuteNonQueryAsync()).ShouldBe(1);
            }

            await host.Harness.Bus.Publish(Replies.Analyzed(analyze));
            await WaitForBlockedUpdateAsync(host.ConnectionString);
            (await host.ArtifactAsync(runId, "attempt_0.static.json")).ShouldBeNull("the transition's artifacts should wait for its row");
            await transaction.CommitAsync();
        }

        // The saga's update waited behind the test's row lock, so its xmin no longer matched: it can only
        // have been applied by handling the reply again on the row the test committed.
        (await host.Harness.Consumed.Any<TestsAnalyzed>(m => m.Context.Message.StepId == analyze.StepId)).ShouldBeTrue();
        (await host.Harness.Published.Any<RunStateChanged>(m => m.Context.Message.RunId == runId && m.Context.Message.Status == "analyzed"))
            .ShouldBeTrue("the analyzed transition should have been committed");
        var run = (await host.LoadAsync(runId)).ShouldNotBeNull();
        run.PendingStatic.ShouldNotBeNull();
        run.StaticStepId.ShouldBeNull();
        run.CurrentState.ShouldBe("Checking");
        run.StatusDetail.ShouldNotBe("touched");
        run.Status.ShouldBe("analyzed");
        var lines = await host.EventLinesAsync(runId);
        lines.Count(l => l.Contains($"step={analyze.StepId}")).ShouldBe(1);
        lines.Length.ShouldBe(3); // submitted, generated, analyzed
        (await host.ArtifactAsync(runId, "attempt_0.static.json")).ShouldNotBeNull();
    }

    /// <summary>Both halves of many checks arrive at once: every run ends up with both, none is lost to a race.</summary>
    [Fact]
    public async Task Should_apply_both_halves_of_racing_checks()
    {
        await using var host = await SagaHost.StartAsync(infrastructure);
        var runs = new List<Guid>();
        for (var i = 0; i < 8; i++)
            runs.Add(await host.SubmitAsync());
        foreach (var runId in runs)
            await host.Harness.Bus.Publish(Replies.Generated(await host.CommandAsync<GenerateTests>(runId)));
        var replies = new List<object>();
        foreach (var runId in runs)
        {
            replies.Add(Replies.Analyzed(await host.CommandAsync<AnalyzeTests>(runId)));
            replies.Add(Replies.Executed(await host.CommandAsync<ExecuteTests>(runId)));
        }

        await Task.WhenAll(replies.Select(r => host.Harness.Bus.Publish(r)));

        foreach (var runId in runs)
        {
            await host.CommandAsync<CritiqueAttempt>(runId);
            var run = (await host.LoadAsync(runId)).ShouldNotBeNull();
            run.CurrentState.ShouldBe("Critiquing");
            run.PendingStatic.ShouldNotBeNull();
            run.PendingExecution.ShouldNotBeNull();
            (await host.Harness.Published.SelectAsync<CritiqueAttempt>(m => m.Context.Message.RunId == runId).CountAsync()).ShouldBe(1);
            var keys = (await host.EventLinesAsync(runId)).Select(l => l.Split(" step=")[1].Split(' ')[0]).ToList();
            keys.Count.ShouldBe(4);
            keys.ShouldBeUnique();
        }
    }

    /// <summary>Waits until a statement in the database waits for a row lock (the saga's update behind the test's).</summary>
    private static async Task WaitForBlockedUpdateAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'", connection);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((long)(await query.ExecuteScalarAsync())! == 0)
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, "the saga's update never waited for the test's row lock");
            await Task.Delay(20);
        }
    }

    [Fact]
    public async Task Should_resend_a_step_whose_deadline_passed_while_the_orchestrator_was_down()
    {
        Guid runId;
        GenerateTests first;
        string connectionString;
        await using (var before = await SagaHost.StartAsync(infrastructure))
        {
            runId = await before.SubmitAsync();
            first = await before.CommandAsync<GenerateTests>(runId);
            connectionString = before.ConnectionString;
        }

        // Another orchestrator starts on the same database after the generate step's deadline passed.
        await using var after = await SagaHost.StartAsync(infrastructure, connectionString, new ShiftedClock(TimeSpan.FromHours(1)));
        (await after.SweepAsync()).ShouldBe(1);

        var again = await after.CommandAsync<GenerateTests>(runId);
        again.StepId.ShouldNotBe(first.StepId);
        again.Attempt.ShouldBe(first.Attempt);
        var run = (await after.LoadAsync(runId)).ShouldNotBeNull();
        run.GenerateStepId.ShouldBe(again.StepId);
        run.StepRetries.ShouldBe(1);
    }
}
