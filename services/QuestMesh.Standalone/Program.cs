using QuestMesh.Standalone.Cli;

// Not disposed: a signal handler may still be running on another thread as Main returns.
var interrupt = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // First Ctrl+C cancels the run (or stops the server) cleanly; a second one ends the process.
    e.Cancel = !interrupt.IsCancellationRequested;
    interrupt.Cancel();
};
return await CliApp.RunAsync(args, interrupt.Token);
