using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using QuestMesh.Python;

namespace QuestMesh.Benchmarks.Distributed;

/// <summary>
/// <c>./quest bench distributed</c>: what the distributed path (a host per service, RabbitMQ, saga and
/// artifacts in PostgreSQL) costs against the embedded one on the same run, and how many events per
/// second the run saga handles on RabbitMQ and PostgreSQL. The servers are the ones <c>./quest</c>
/// started for this bench; their ports come as options.
/// </summary>
public sealed class DistributedBench(BenchOptions options)
{
    public async Task<int> RunAsync()
    {
        if (options.Only?.Except(Parts).FirstOrDefault() is { } unknown)
        {
            Console.Error.WriteLine($"quest bench: the distributed suite has no part '{unknown}' (parts: {string.Join(", ", Parts)})");
            return 2;
        }
        if (options is not { PostgresPort: { } postgres, RabbitMqPort: { } rabbitMq })
        {
            Console.Error.WriteLine("quest bench: the distributed suite needs --postgres-port and --rabbitmq-port " +
                "(./quest bench distributed starts both servers and passes them)");
            return 2;
        }
        var servers = new BenchServers(postgres, rabbitMq);
        using var interrupt = new CancellationTokenSource();
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        try
        {
            // The saga first: its workers' queues are temporary, so nothing it leaves behind receives the
            // commands of the overhead runs (whose workers' queues are durable, as in production).
            var saga = Wants("saga") ? await new SagaThroughputBench(servers, options).RunAsync(interrupt.Token) : null;
            var overhead = Wants("overhead") ? await new OverheadBench(servers, options).RunAsync(interrupt.Token) : null;
            Print(overhead, saga);
            await WriteAsync(overhead, saga);
            return 0;
        }
        catch (OperationCanceledException) when (interrupt.IsCancellationRequested)
        {
            Console.Error.WriteLine("quest bench: interrupted");
            return 130;
        }

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            interrupt.Cancel();
        }
    }

    private static readonly string[] Parts = ["saga", "overhead"];

    /// <summary>Whether a part runs: all of them unless <c>--only</c> names some.</summary>
    private bool Wants(string part) => options.Only is null || options.Only.Contains(part);

    private static string F(double? value, string format) => value?.ToString(format, CultureInfo.InvariantCulture) ?? "-";

    private void Print(OverheadResult? overhead, SagaResult? saga)
    {
        if (overhead is not null)
            Print(overhead);
        if (saga is not null)
            Print(saga);
    }

    private void Print(OverheadResult overhead)
    {
        var settings = OverheadBench.Settings;
        Console.WriteLine();
        Console.WriteLine($"Overhead of the distributed path: {OverheadBench.Project} {OverheadBench.TargetFile}, strategy {settings.Strategy}, " +
            $"seed {settings.Seed}, budget {settings.SearchBudgetSeconds} s, at most {settings.MaxMutants} mutants, {settings.MaxAttempts} attempts; " +
            $"{options.Repeat} runs per path, interleaved");
        Console.WriteLine("| path | runs | attempts | wall per attempt (median) | in steps per attempt | outside steps per attempt | coverage | mutation | outcome |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var (name, p) in new[] { ("embedded: one process, in-memory bus, saga in memory, artifacts on disk", overhead.Embedded),
                     ("distributed: a host per service, RabbitMQ, saga and artifacts in PostgreSQL", overhead.Distributed) })
        {
            Console.WriteLine($"| {name} | {p.Runs} | {p.Attempts} | {F(p.WallPerAttempt, "0.00")} s | {F(p.StepsPerAttempt, "0.00")} s | " +
                $"{F(p.OutsideStepsPerAttempt, "0.00")} s | {F(p.Coverage, "0.0")} % | {F(p.MutationScore, "0.0")} % | {string.Join(", ", p.Outcomes)} |");
        }
        Console.WriteLine($"distributed ÷ embedded: {F(overhead.Ratio, "0.000")}×, overhead {F(overhead.OverheadPercent, "0.0")} % of an attempt's wall time " +
            $"(outside the steps: {F(overhead.OutsideStepsDifferenceSeconds * 1000, "+0;-0")} ms per attempt, " +
            $"{F(overhead.OutsideStepsPercent, "+0.0;-0.0")} %); " +
            $"goal ≤ {OverheadResult.GoalPercent:0} %: {(overhead.GoalMet ? "met" : "not met")}");
    }

    private void Print(SagaResult saga)
    {
        Console.WriteLine();
        Console.WriteLine($"Saga throughput on RabbitMQ + PostgreSQL, workers answering at once: {options.Runs} runs submitted together, " +
            $"{F(saga.EventsPerRun, "0.0")} saga events per run, {options.Repeat} repeats");
        Console.WriteLine("| repeat | runs | events | wall | events/s | db commands per event | db time per event | bench process CPU per event |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var (b, i) in saga.Batches.Select((b, i) => (b, i + 1)))
        {
            Console.WriteLine($"| {i} | {b.Runs} | {b.Events} | {F(b.WallSeconds, "0.00")} s | {F(b.EventsPerSecond, "0")} | " +
                $"{F(b.DatabaseOperationsPerEvent, "0.0")} | {F(b.DatabaseMillisecondsPerEvent, "0.0")} ms | {F(b.CpuMillisecondsPerEvent, "0.0")} ms |");
        }
        Console.WriteLine($"saga events per second (median): {F(saga.EventsPerSecond, "0")}; {F(saga.CommitsPerEvent, "0.0")} PostgreSQL commits per event, " +
            $"{F(saga.RollbacksPerRun, "0.00")} rollbacks (lost races, handled again) per run; " +
            $"goal ≥ {SagaThroughputBench.Goal:0}: {(saga.GoalMet ? "met" : "not met")}");
    }

    private async Task WriteAsync(OverheadResult? overhead, SagaResult? saga)
    {
        Directory.CreateDirectory(options.OutputDirectory);
        var file = Path.Combine(options.OutputDirectory, $"distributed-{DateTime.UtcNow:yyyyMMdd-HHmmss}.json");
        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(new
        {
            machine = new { cores = Environment.ProcessorCount, os = Environment.OSVersion.ToString() },
            repeat = options.Repeat,
            overhead = overhead is null ? null : new
            {
                project = OverheadBench.Project,
                target_file = OverheadBench.TargetFile,
                settings = OverheadBench.Settings,
                goal_percent = OverheadResult.GoalPercent,
                goal_met = overhead.GoalMet,
                overhead.Ratio,
                overhead.OverheadPercent,
                overhead.OutsideStepsDifferenceSeconds,
                overhead.OutsideStepsPercent,
                overhead.Embedded,
                overhead.Distributed,
                runs = overhead.Runs.Select(r => new
                {
                    r.Path, r.WallSeconds, r.Attempts, r.Outcome, r.StepSeconds, r.StepSecondsOnPath,
                    r.WallPerAttempt, r.StepsPerAttempt, r.OutsideStepsPerAttempt, r.Coverage, r.MutationScore,
                }),
            },
            saga = saga is null ? null : new
            {
                runs = options.Runs,
                goal_events_per_second = SagaThroughputBench.Goal,
                goal_met = saga.GoalMet,
                saga.EventsPerSecond,
                saga.EventsPerRun,
                saga.DatabaseOperationsPerEvent,
                saga.DatabaseMillisecondsPerEvent,
                saga.CpuMillisecondsPerEvent,
                saga.CommitsPerEvent,
                saga.RollbacksPerRun,
                batches = saga.Batches.Select(b => new
                {
                    b.Runs, b.Events, b.WallSeconds, b.EventsPerSecond, b.DatabaseOperations,
                    b.DatabaseOperationsPerEvent, b.DatabaseMillisecondsPerEvent, b.CpuSeconds, b.CpuMillisecondsPerEvent,
                }),
            },
        }, new JsonSerializerOptions(HarnessJson.Options) { WriteIndented = true }));
        Console.WriteLine($"written {file}");
    }
}
