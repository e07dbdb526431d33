using MassTransit;
using Microsoft.Extensions.Options;
using QuestMesh.Contracts;
using QuestMesh.Python;
using QuestMesh.Python.Environments;
using QuestMesh.Python.Harness;

namespace QuestMesh.Orchestrator.Repositories;

/// <summary>
/// Runs the existing tests, with generated ones when given, once under branch coverage of every module the survey
/// found: a <see cref="MeasureSuite"/> step for a runner (the repository's source, its Python root as
/// <see cref="SourceSpec.Root"/>), which copies it afresh and runs it in its sandbox. The repository itself is never
/// written, and this process never imports its code. The runner runs it by the Python of the repository's
/// dependency environment when its source declares requirements (preparing that environment first, once), and says
/// what became of them.
/// </summary>
public sealed class SuiteMeasurements(IClientFactory clients, IOptions<RepositoryOptions> options, IOptions<DependencyOptions> dependencies)
{
    /// <summary>Past the suite's own limit and its reports' minute: how long the step may wait for a free runner.</summary>
    private static readonly TimeSpan Queueing = TimeSpan.FromMinutes(10);

    /// <param name="conftest">The generated tests' conftest.py, written beside them; null: none.</param>
    public async Task<MeasureReply> MeasureAsync(Guid runId, RepositoryContext context, IReadOnlyList<GeneratedFile> generated,
        GeneratedConftest? conftest, bool reports, CancellationToken cancellationToken) =>
        (await SendAsync(runId, context, generated, conftest, reports, cancellationToken)).Reply!;

    /// <summary>The existing tests alone, and what became of the repository's declared requirements on the runner.</summary>
    public async Task<(MeasureReply Reply, DependencyEnvironment? Dependencies)> BaselineAsync(Guid runId, RepositoryContext context,
        CancellationToken cancellationToken)
    {
        var answer = await SendAsync(runId, context, [], conftest: null, reports: false, cancellationToken);
        return (answer.Reply!, answer.Dependencies);
    }

    private async Task<SuiteMeasured> SendAsync(Guid runId, RepositoryContext context, IReadOnlyList<GeneratedFile> generated,
        GeneratedConftest? conftest, bool reports, CancellationToken cancellationToken)
    {
        var timeout = TimeSpan.FromSeconds(options.Value.SuiteTimeoutSeconds);
        IEnumerable<InlineFile> support = conftest?.Source is { } text ? [new InlineFile(conftest.Path, text)] : [];
        var command = new MeasureSuite
        {
            RunId = runId,
            StepId = NewId.NextGuid(),
            Source = context.Source,
            Files = [.. generated.Select(g => new InlineFile(g.TestFile, g.Source)), .. support],
            TimeoutSeconds = (int)timeout.TotalSeconds,
            Request = new MeasureRequest
            {
                Tests = [.. context.Survey.Tests, .. generated.Select(g => g.TestFile)],
                Modules = context.Survey.Modules,
                PathPrefix = context.Prefix,
                Reports = reports,
                Title = $"QuestMesh coverage: {NameOf(context.Source)}",
            },
        };
        // The install of a repository's dependencies, the first time a runner meets them, comes before the suite.
        var client = clients.CreateRequestClient<MeasureSuite>(timeout + TimeSpan.FromMinutes(1) + Queueing + Installing(context));
        var answer = (await client.GetResponse<SuiteMeasured>(command, cancellationToken)).Message;
        return answer.Reply is null
            ? throw new HarnessException($"the repository's suite could not be run: {answer.Error}", badRequest: true)
            : answer;
    }

    private TimeSpan Installing(RepositoryContext context) =>
        context.Source.Requirements is { Count: > 0 } ? TimeSpan.FromSeconds(dependencies.Value.InstallTimeoutSeconds) : TimeSpan.Zero;

    /// <summary>What a person calls the repository: its folder's or git repository's name, or the uploaded archive's hash.</summary>
    private static string NameOf(SourceSpec source) => source.Kind switch
    {
        SourceKinds.Path => Path.GetFileName((source.Path ?? "").TrimEnd('/')),
        SourceKinds.Git => Path.GetFileNameWithoutExtension((source.GitUrl ?? "").TrimEnd('/')),
        SourceKinds.Archive => $"archive {source.ArchiveSha256?[..Math.Min(12, source.ArchiveSha256.Length)]}",
        _ => "inline files",
    };
}
