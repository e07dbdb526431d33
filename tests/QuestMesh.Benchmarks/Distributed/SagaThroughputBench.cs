using System.Diagnostics;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using QuestMesh.Contracts;
using QuestMesh.Orchestrator;

namespace QuestMesh.Benchmarks.Distributed;

/// <summary>
/// The run saga alone on RabbitMQ and PostgreSQL (saga and artifacts), its workers answering at once:
/// M runs submitted together, each going generate → static ‖ execute → critique → finish; saga events
/// per second from the first submission to the last end, per repeat, after a warm-up batch of the same size.
/// </summary>
public sealed class SagaThroughputBench(BenchServers servers, BenchOptions options)
{
    public const double Goal = 300;
    private const string Database = "questmesh_saga";
    private static readonly TimeSpan BatchTimeout = TimeSpan.FromMinutes(5);

    public async Task<SagaResult> RunAsync(CancellationToken cancellationToken)
    {
        var connectionString = await servers.CreateDatabaseAsync(Database, cancellationToken);
        var counter = new SagaEventCounter();
        List<IHost> hosts =
        [
            BenchHost.Build([.. BenchHost.Quiet, .. servers.BusSettings,
                    new("Persistence:Provider", "PostgreSql"), new("Persistence:ConnectionString", connectionString)],
                b =>
                {
                    b.AddOrchestrator();
                    b.Services.AddConsumeObserver(_ => counter);
                }),
            BenchHost.Build([.. BenchHost.Quiet, .. servers.BusSettings],
                b => b.Services.AddSingleton<RunEnds>(),
                x =>
                {
                    InstantWorkers.Register(x);
                    RunEndListener.Register(x);
                }),
        ];
        using var database = new DatabaseOperations();
        var batches = new List<SagaBatch>();
        (long Commits, long Rollbacks) before;
        try
        {
            Console.Error.WriteLine("bench: starting the orchestrator (saga in PostgreSQL) and instant workers on RabbitMQ");
            await BenchHost.StartAsync(hosts, cancellationToken);
            var client = hosts[1].Services;
            // A warm-up batch as large as the measured ones: a long-running orchestrator runs its transitions with
            // the JIT's optimised code, which a few runs do not reach.
            var warm = await BatchAsync(client, counter, database, options.Runs, cancellationToken);
            Console.Error.WriteLine($"bench: saga warm-up: {warm.Runs} runs, {warm.EventsPerSecond:0} events/s");
            before = await servers.TransactionsAsync(Database, cancellationToken);
            for (var repeat = 1; repeat <= options.Repeat; repeat++)
            {
                var batch = await BatchAsync(client, counter, database, options.Runs, cancellationToken);
                batches.Add(batch);
                Console.Error.WriteLine($"bench: saga {repeat}/{options.Repeat}: {batch.Runs} runs, {batch.Events} events in " +
                    $"{batch.WallSeconds:0.00} s = {batch.EventsPerSecond:0} events/s, " +
                    $"{batch.DatabaseOperationsPerEvent:0.0} database commands and {batch.CpuMillisecondsPerEvent:0.0} ms of processor per event");
            }
        }
        finally
        {
            await BenchHost.StopAsync(hosts);
        }
        var after = await servers.TransactionsAsync(Database, CancellationToken.None);
        return SagaResult.From(batches, after.Commits - before.Commits, after.Rollbacks - before.Rollbacks);
    }

    private static async Task<SagaBatch> BatchAsync(IServiceProvider client, SagaEventCounter counter, DatabaseOperations database, int runs,
        CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(BatchTimeout);
        var ends = client.GetRequiredService<RunEnds>();
        var bus = client.GetRequiredService<IBus>();
        var ids = Enumerable.Range(0, runs).Select(_ => NewId.NextGuid()).ToList();
        var waits = ids.Select(ends.Of).ToList();
        var eventsBefore = counter.Consumed;
        var operationsBefore = database.Snapshot();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;

        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(ids.Select(id => bus.Publish(new SubmitRun
        {
            RunId = id,
            Source = new SourceSpec { Kind = SourceKinds.Inline, Files = [new InlineFile("pkg/target.py", "def f(x):\n    return x\n")] },
            TargetFile = "pkg/target.py",
            Settings = new RunSettings { MaxAttempts = 1 },
        }, timeout.Token)));
        RunEnd[] ended;
        try
        {
            ended = await Task.WhenAll(waits).WaitAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"{waits.Count(w => !w.IsCompleted)} of {runs} runs did not end within {BatchTimeout.TotalMinutes:0} minutes");
        }
        var wall = Stopwatch.GetElapsedTime(started, ended.Max(e => e.Timestamp)).TotalSeconds;
        var events = await counter.SettledAsync(cancellationToken) - eventsBefore;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var operations = database.Snapshot();
        var failed = ended.Where(e => !e.Completed).Select(e => e.Outcome).Distinct().ToList();
        if (failed.Count > 0)
            throw new InvalidOperationException($"{ended.Count(e => !e.Completed)} of {runs} runs failed: {string.Join("; ", failed)}");
        return new SagaBatch(runs, events, wall, operations.Count - operationsBefore.Count,
            operations.Seconds - operationsBefore.Seconds, cpu.TotalSeconds);
    }
}

/// <summary>One batch: M runs submitted together.</summary>
/// <param name="CpuSeconds">Processor time of the bench's process (orchestrator, instant workers, client) during the batch.</param>
public sealed record SagaBatch(int Runs, long Events, double WallSeconds, long DatabaseOperations, double DatabaseSeconds, double CpuSeconds)
{
    public double EventsPerSecond => Events / WallSeconds;
    public double DatabaseOperationsPerEvent => (double)DatabaseOperations / Math.Max(1, Events);
    public double DatabaseMillisecondsPerEvent => DatabaseSeconds * 1000 / Math.Max(1, Events);
    public double CpuMillisecondsPerEvent => CpuSeconds * 1000 / Math.Max(1, Events);
}

public sealed record SagaResult(double EventsPerSecond, double EventsPerRun, double DatabaseOperationsPerEvent, double DatabaseMillisecondsPerEvent,
    double CpuMillisecondsPerEvent, double CommitsPerEvent, double RollbacksPerRun, List<SagaBatch> Batches)
{
    public bool GoalMet => EventsPerSecond >= SagaThroughputBench.Goal;

    /// <summary>The medians of the batches; commits and rollbacks counted over all of them.</summary>
    public static SagaResult From(List<SagaBatch> batches, long commits, long rollbacks)
    {
        var events = batches.Sum(b => b.Events);
        return new SagaResult(
            Stats.Median(batches.Select(b => b.EventsPerSecond)),
            (double)events / batches.Sum(b => b.Runs),
            Stats.Median(batches.Select(b => b.DatabaseOperationsPerEvent)),
            Stats.Median(batches.Select(b => b.DatabaseMillisecondsPerEvent)),
            Stats.Median(batches.Select(b => b.CpuMillisecondsPerEvent)),
            (double)commits / Math.Max(1, events),
            (double)rollbacks / batches.Sum(b => b.Runs),
            batches);
    }
}
