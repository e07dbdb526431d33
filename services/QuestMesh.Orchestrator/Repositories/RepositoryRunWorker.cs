using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QuestMesh.Orchestrator.Artifacts;
using QuestMesh.Python;
using QuestMesh.Python.Workspaces;

namespace QuestMesh.Orchestrator.Repositories;

/// <summary>
/// Carries out the repository runs the API accepted, <see cref="RepositoryOptions.ConcurrentRuns"/> at once, in this
/// process: it copies the source (git, archive or inline) once for the survey, then runs the repository as the
/// command line does, its module runs published on the bus for the run saga and the workers, and keeps each run's
/// <see cref="RepositoryRunRecord"/> and reports in the artifact store. A run this process was carrying out when it
/// stopped stays as it was last recorded (see the README).
/// </summary>
public sealed class RepositoryRunWorker(
    RepositoryRun runs,
    RepositoryArtifacts reports,
    WorkspaceProvider workspaces,
    IArtifactStore store,
    IOptions<RepositoryOptions> options,
    TimeProvider clock,
    ILogger<RepositoryRunWorker> logger) : BackgroundService
{
    private readonly Channel<(RepositoryOrder Order, RepositoryRunJournal Journal)> _orders =
        Channel.CreateUnbounded<(RepositoryOrder, RepositoryRunJournal)>();

    /// <summary>Records the run as queued (so it can be looked up at once) and hands it to the worker.</summary>
    public async Task AcceptAsync(RepositoryOrder order, CancellationToken cancellationToken)
    {
        var journal = await RepositoryRunJournal.OpenAsync(store, clock, order, cancellationToken);
        await _orders.Writer.WriteAsync((order, journal), cancellationToken);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, options.Value.ConcurrentRuns).Select(_ => ServeAsync(stoppingToken)));

    private async Task ServeAsync(CancellationToken stoppingToken)
    {
        await foreach (var (order, journal) in _orders.Reader.ReadAllAsync(stoppingToken))
            await CarryOutAsync(order, journal, stoppingToken);
    }

    internal async Task CarryOutAsync(RepositoryOrder order, RepositoryRunJournal journal, CancellationToken stoppingToken)
    {
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["RunId"] = order.RunId });
        try
        {
            await journal.UpdateAsync(r => r with { Status = "running", Phase = "surveying" }, stoppingToken);
            using var copy = await workspaces.CreateAsync(order.Source, stoppingToken);
            var input = new RepositoryRunInput(copy.Directory, order.Settings, null, order.Limits, order.Gate, null, order.Source,
                order.Tenant);
            var context = await runs.SurveyAsync(input, journal, stoppingToken);
            var report = await runs.RunAsync(input, context, order.RunId, moduleArtifacts: null, journal, stoppingToken);
            await journal.UpdateAsync(r => r with { Phase = "reporting" }, stoppingToken);
            await reports.WriteReportsAsync(report, stoppingToken);
            await journal.UpdateAsync(r => r with
            {
                Status = "completed", Phase = null, Before = report.Before, After = report.After, Delta = report.Delta,
                GeneratedTests = report.GeneratedTests.Count, GatePassed = report.Gate.Passed,
                GateChecks = report.Gate.HasThresholds ? (report.Gate.Passed ? report.Gate.Checks : report.Gate.Failures) : [],
            }, CancellationToken.None);
            logger.LogInformation("Repository run {RunId} completed: coverage {Before:0.0} % -> {After:0.0} %, {Tests} generated tests",
                order.RunId, report.Before, report.After, report.GeneratedTests.Count);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            await Fail(journal, "the server stopped during the run; submit it again");
            throw;
        }
        catch (Exception error) when (error is RepositoryInputException or WorkspaceException or HarnessException or PythonEnvironmentException)
        {
            logger.LogWarning("Repository run {RunId} failed: {Reason}", order.RunId, error.Message);
            await Fail(journal, error.Message);
        }
        catch (Exception error)
        {
            logger.LogError(error, "Repository run {RunId} failed", order.RunId);
            await Fail(journal, $"internal error: {error.Message}");
        }
    }

    private static Task Fail(RepositoryRunJournal journal, string reason) =>
        journal.UpdateAsync(r => r with { Status = "failed", Error = reason }, CancellationToken.None);
}
