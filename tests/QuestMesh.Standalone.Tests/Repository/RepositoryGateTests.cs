using System.Text.Json;
using QuestMesh.Standalone.Cli;

namespace QuestMesh.Standalone.Tests.Repository;

/// <summary>The gate on samples/storefront measured only (<c>--max-modules 0</c>: no module runs), so each run takes seconds.</summary>
public sealed class RepositoryGateTests : IDisposable
{
    private readonly StorefrontRepository _repository = new();

    public void Dispose() => _repository.Dispose();

    private async Task<(int Code, string Output, JsonElement Report)> MeasureOnly(params string[] gate)
    {
        var console = new CliConsole();
        var code = await CliApp.RunAsync(["run", _repository.Work, "--out", _repository.Output, "--max-modules", "0", .. gate],
            console.Console, CancellationToken.None);
        var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(_repository.Output, "iteration_report.json"))).RootElement;
        return (code, console.Output, report);
    }

    [Fact]
    public async Task Run_ThresholdsMissed_ExitsFiveWithEveryReportWritten()
    {
        var (code, output, report) = await MeasureOnly("--min-coverage", "90", "--min-delta", "1");

        code.ShouldBe(ExitCodes.GateFailed, output);
        output.ShouldContain("gate failed: coverage 40.9 % < 90 %; delta ±0.0 < 1 points");
        report.GetProperty("gate").GetProperty("failures").GetArrayLength().ShouldBe(2);
        report.GetProperty("generated").GetProperty("tests").GetInt32().ShouldBe(0);
        foreach (var name in new[] { "coverage.xml", "test-results.xml", "htmlcov/index.html", "coverage_gaps.json", "summary.md", "tests/generated/_manifest.json" })
            File.Exists(Path.Combine(_repository.Output, name)).ShouldBeTrue(name);
        File.ReadAllText(Path.Combine(_repository.Output, "summary.md")).ShouldContain("Gate: **failed** — coverage 40.9 % < 90 %; delta ±0.0 < 1 points.");
    }

    [Fact]
    public async Task Run_ThresholdsHeld_ExitsZero()
    {
        var (code, output, report) = await MeasureOnly("--min-coverage", "40.9", "--min-delta", "0");

        code.ShouldBe(ExitCodes.TargetsMet, output);
        report.GetProperty("gate").GetProperty("passed").GetBoolean().ShouldBeTrue();
        report.GetProperty("not_run").GetArrayLength().ShouldBe(4);
    }
}
