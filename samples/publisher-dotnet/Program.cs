using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using QuestMesh.Contracts;
using QuestMesh.Samples.Publisher;

// Another service submitting a QuestMesh run over RabbitMQ and waiting for its end.
// usage: questmesh-publisher-sample <project-folder> <target-file> [rabbitmq-host] [port]
// The broker's user, password and virtual host come from RABBITMQ_USER / RABBITMQ_PASSWORD /
// RABBITMQ_VHOST (default guest, guest and /).
if (args.Length < 2)
{
    Console.Error.WriteLine("usage: questmesh-publisher-sample <project-folder> <target-file> [rabbitmq-host] [port]");
    return 2;
}
var (project, targetFile) = (args[0], args[1]);
var host = args.Length > 2 ? args[2] : "localhost";
var port = args.Length > 3 ? ushort.Parse(args[3]) : (ushort)5672;

var ends = new RunEnds();
var services = new ServiceCollection();
services.AddSingleton(ends);
services.AddMassTransit(x =>
{
    x.DisableUsageTelemetry();
    // A temporary queue of our own, bound to RunCompleted and RunFailed, removed when we stop.
    x.AddConsumer<RunEndConsumer>().Endpoint(e => e.Temporary = true);
    x.UsingRabbitMq((context, cfg) =>
    {
        cfg.Host(host, port, Environment.GetEnvironmentVariable("RABBITMQ_VHOST") ?? "/", h =>
        {
            h.Username(Environment.GetEnvironmentVariable("RABBITMQ_USER") ?? "guest");
            h.Password(Environment.GetEnvironmentVariable("RABBITMQ_PASSWORD") ?? "guest");
        });
        cfg.ConfigureEndpoints(context);
    });
});
await using var provider = services.BuildServiceProvider();
var bus = provider.GetRequiredService<IBusControl>();
await bus.StartAsync();
try
{
    var runId = NewId.NextGuid();
    var run = ends.Of(runId);
    await bus.Publish(new SubmitRun
    {
        RunId = runId,
        Source = new SourceSpec { Kind = SourceKinds.Inline, Files = InlineSource.Read(project) },
        TargetFile = targetFile,
        Settings = new RunSettings { MaxAttempts = 1, Strategy = "search" },
    });
    Console.WriteLine($"submitted {runId}");

    var end = await run.WaitAsync(TimeSpan.FromMinutes(10));
    switch (end)
    {
        case RunCompleted completed:
            Console.WriteLine($"completed {runId} reason={completed.Reason} coverage={completed.Best.Coverage:F1} mutation={completed.Best.MutationScore:F1}");
            return 0;
        case RunFailed failed:
            Console.WriteLine($"failed {runId} reason={failed.Reason} detail={failed.Detail}");
            return 1;
        default:
            return 1;
    }
}
catch (TimeoutException)
{
    Console.WriteLine("timeout: no end heard within 10 minutes");
    return 1;
}
finally
{
    await bus.StopAsync();
}
