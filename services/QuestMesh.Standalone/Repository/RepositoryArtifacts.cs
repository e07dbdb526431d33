using QuestMesh.Orchestrator.Artifacts;
using QuestMesh.Python.Workspaces;

namespace QuestMesh.Standalone.Repository;

/// <summary>
/// Writes a repository run's reports into its folder under the names CI steps rely on: <c>coverage_gaps.json</c>,
/// <c>coverage.xml</c>, <c>test-results.xml</c>, <c>htmlcov/</c>, <c>summary.md</c>, <c>iteration_report.json</c>,
/// <c>survey.json</c>, and the generated tests with their manifest under <c>tests/generated/</c>.
/// </summary>
public static class RepositoryArtifacts
{
    public static void WriteGaps(string folder, RepositoryContext context, Python.Harness.MeasureReply baseline)
    {
        Directory.CreateDirectory(folder);
        Write(folder, "survey.json", ArtifactJson.Serialize(context.Survey));
        Write(folder, "coverage_gaps.json", ArtifactJson.Serialize(new
        {
            FormatVersion = IterationReport.FormatVersion,
            PythonRoot = context.Prefix.Length == 0 ? "." : context.Prefix,
            Framework = context.Framework,
            baseline.Gaps.Overall,
            baseline.Gaps.Files,
            baseline.Gaps.CompleteFiles,
            baseline.Unmeasured,
        }));
    }

    public static void WriteReports(string folder, RepositoryReport report)
    {
        Directory.CreateDirectory(folder);
        var reports = report.Final.Reports;
        Write(folder, "coverage.xml", reports?.Cobertura ?? "");
        Write(folder, "test-results.xml", reports?.Junit ?? "<?xml version=\"1.0\" encoding=\"utf-8\"?><testsuites />");
        foreach (var file in reports?.Html ?? [])
        {
            var path = ProjectPaths.Resolve(Path.Combine(folder, "htmlcov"), file.Path);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, Convert.FromBase64String(file.Base64));
        }
        foreach (var generated in report.Combined.Kept)
            Write(folder, generated.TestFile, generated.Source);
        Write(folder, $"{GeneratedTestNames.Folder}/{GeneratedManifest.FileName}", ArtifactJson.Serialize(GeneratedManifest.Build(report)));
        Write(folder, "summary.md", SummaryMarkdown.Render(report));
        Write(folder, "iteration_report.json", ArtifactJson.Serialize(IterationReport.Build(report)));
    }

    private static void Write(string folder, string relative, string content)
    {
        var path = ProjectPaths.Resolve(folder, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }
}
