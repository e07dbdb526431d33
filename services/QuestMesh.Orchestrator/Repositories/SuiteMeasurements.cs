using MassTransit;
using Microsoft.Extensions.Options;
using QuestMesh.Contracts;
using QuestMesh.Python;
using QuestMesh.Python.Harness;

namespace QuestMesh.Orchestrator.Repositories;

/// <summary>
/// Runs the existing tests, with generated ones when given, once under branch coverage of every module the survey
/// found: a <see cref="MeasureSuite"/> step for a runner (the repository's source, its Python root as
/// <see cref="SourceSpec.Root"/>), which copies it afresh and runs it in its sandbox. The repository itself is never
/// written, and this process never imports its code.
/// </summary>
public sealed class SuiteMeasurements(IClientFactory clients, IOptions<RepositoryOptions> options)
{
    /// <summary>Past the suite's own limit and its reports' minute: how long the step may wait for a free runner.</summary>
    private static readonly TimeSpan Queueing = TimeSpan.FromMinutes(10);

    public async Task<MeasureReply> MeasureAsync(Guid runId, RepositoryContext context, IReadOnlyList<GeneratedFile> generated, bool reports,
        CancellationToken cancellationToken)
    {
        var timeout = TimeSpan.FromSeconds(options.Value.SuiteTimeoutSeconds);
        var command = new MeasureSuite
        {
            RunId = runId,
            StepId = NewId.NextGuid(),
            Source = context.Source,
            Files = generated.Select(g => new InlineFile(g.TestFile, g.Source)).ToList(),
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
        var client = clients.CreateRequestClient<MeasureSuite>(timeout + TimeSpan.FromMinutes(1) + Queueing);
        var answer = (await client.GetResponse<SuiteMeasured>(command, cancellationToken)).Message;
        return answer.Reply ?? throw new HarnessException($"the repository's suite could not be run: {answer.Error}", badRequest: true);
    }

    /// <summary>What a person calls the repository: its folder's or git repository's name, or the uploaded archive's hash.</summary>
    private static string NameOf(SourceSpec source) => source.Kind switch
    {
        SourceKinds.Path => Path.GetFileName((source.Path ?? "").TrimEnd('/')),
        SourceKinds.Git => Path.GetFileNameWithoutExtension((source.GitUrl ?? "").TrimEnd('/')),
        SourceKinds.Archive => $"archive {source.ArchiveSha256?[..Math.Min(12, source.ArchiveSha256.Length)]}",
        _ => "inline files",
    };
}
