using QuestMesh.Orchestrator.Artifacts;
using QuestMesh.Python.Harness;

namespace QuestMesh.Orchestrator.Repositories;

/// <summary>
/// Writes a repository run's reports as artifacts of the run, under the names CI steps rely on:
/// <c>coverage_gaps.json</c>, <c>coverage.xml</c>, <c>test-results.xml</c>, <c>htmlcov/</c>, <c>summary.md</c>,
/// <c>iteration_report.json</c>, <c>survey.json</c>, and the generated tests with their manifest (and conftest.py, when
/// their framework needs one) under <c>tests/generated/</c>. The command line's store puts them in its <c>--out</c> folder; the API's wherever it keeps
/// runs' artifacts. The HTML report's images go only to a store that keeps bytes (a folder): text stores get its pages.
/// </summary>
public sealed class RepositoryArtifacts(IArtifactStore store)
{
    public const string Gaps = "coverage_gaps.json";
    public const string Summary = "summary.md";
    public const string Iterations = "iteration_report.json";

    public async Task WriteGapsAsync(Guid runId, RepositoryContext context, MeasureReply baseline, CancellationToken cancellationToken)
    {
        await store.WriteAsync(runId, "survey.json", ArtifactJson.Serialize(context.Survey), cancellationToken);
        await store.WriteAsync(runId, Gaps, ArtifactJson.Serialize(new
        {
            FormatVersion = IterationReport.FormatVersion,
            PythonRoot = context.Prefix.Length == 0 ? "." : context.Prefix,
            Framework = context.Framework,
            baseline.Gaps.Overall,
            baseline.Gaps.Files,
            baseline.Gaps.CompleteFiles,
            baseline.Unmeasured,
        }), cancellationToken);
    }

    public async Task WriteReportsAsync(RepositoryReport report, CancellationToken cancellationToken)
    {
        var runId = report.RunId;
        var reports = report.Final.Reports;
        await store.WriteAsync(runId, "coverage.xml", reports?.Cobertura ?? "", cancellationToken);
        await store.WriteAsync(runId, "test-results.xml", reports?.Junit ?? "<?xml version=\"1.0\" encoding=\"utf-8\"?><testsuites />", cancellationToken);
        foreach (var file in reports?.Html ?? [])
        {
            var name = "htmlcov/" + file.Path;
            var bytes = Convert.FromBase64String(file.Base64);
            if (store is IBinaryArtifactStore binary)
                await binary.WriteBytesAsync(runId, name, bytes, cancellationToken);
            else if (Text(bytes) is { } text)
                await store.WriteAsync(runId, name, text, cancellationToken);
        }
        foreach (var generated in report.Combined.Kept)
            await store.WriteAsync(runId, generated.TestFile, generated.Source, cancellationToken);
        if (report.Combined.Conftest is { Source: { } conftest } written)
            await store.WriteAsync(runId, written.Path, conftest, cancellationToken);
        await store.WriteAsync(runId, $"{GeneratedTestNames.Folder}/{GeneratedManifest.FileName}", ArtifactJson.Serialize(GeneratedManifest.Build(report)), cancellationToken);
        await store.WriteAsync(runId, Summary, SummaryMarkdown.Render(report), cancellationToken);
        await store.WriteAsync(runId, Iterations, ArtifactJson.Serialize(IterationReport.Build(report)), cancellationToken);
    }

    private static string? Text(byte[] bytes)
    {
        try
        {
            return new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (System.Text.DecoderFallbackException)
        {
            return null;
        }
    }
}
