namespace QuestMesh.Orchestrator.Repositories;

/// <summary>
/// <c>tests/generated/_manifest.json</c>: for each generated file, the module it tests, the run and attempt that wrote it,
/// its figures; and the conftest.py written for the generated tests' framework, when there is one.
/// </summary>
public static class GeneratedManifest
{
    public const string FileName = "_manifest.json";

    public static object Build(RepositoryReport report) => new
    {
        FormatVersion = 1,
        GeneratedBy = "questmesh",
        report.RunId,
        PythonRoot = report.Context.Prefix.Length == 0 ? "." : report.Context.Prefix,
        Files = report.Combined.Kept.Select(file =>
        {
            var origin = file.Origin;
            var tests = report.TestsOf(file);
            return new
            {
                File = file.TestFile,
                origin.Module.Module,
                Target = origin.Module.File,
                origin.RunId,
                Attempt = origin.Best?.Attempt,
                Termination = origin.Reason,
                ModuleCoverage = origin.Best?.Coverage,
                MutationScore = origin.Best?.MutationScore,
                Tests = tests.Count,
                Passed = tests.Count(t => t.Outcome == "passed"),
                Dropped = report.Combined.Dropped.Where(d => d.TestFile == file.TestFile).Select(d => new { d.Test, d.Reason }).ToList(),
            };
        }).ToList(),
        DroppedFiles = report.Combined.Dropped.Where(d => d.Test is null).ToList(),
        Conftest = report.Combined.Conftest is { } conftest
            ? new { File = conftest.Path, conftest.Framework, conftest.Fixtures, conftest.Reason }
            : null,
    };
}
