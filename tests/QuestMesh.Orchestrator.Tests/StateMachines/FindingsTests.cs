using System.Text.Json;
using QuestMesh.Contracts;
using QuestMesh.Orchestrator.Tests.Support;

namespace QuestMesh.Orchestrator.Tests.StateMachines;

/// <summary>Possible bugs the generator reports reach findings.json, findings.sarif, run_summary.json and RunCompleted, once each.</summary>
public class FindingsTests
{
    private static readonly PossibleBug Average = new()
    {
        Function = "average", Call = "average([])", Outcome = "ZeroDivisionError", Message = "division by zero", Line = 7,
        Evidence = "its type hints accept these arguments and promise float", FoundBy = PossibleBugSources.Search,
    };

    private static readonly PossibleBug Median = new()
    {
        Function = "median", Call = "median([4, 1, 3, 2])", Outcome = PossibleBug.WrongResult, Message = "gives 3", Line = 12,
        Evidence = "the docstring's example shows 2.5", FoundBy = PossibleBugSources.Doctest,
    };

    [Fact]
    public async Task Should_report_each_possible_bug_once_across_attempts()
    {
        var script = new RunScript { Figures = [(50, 20), (95, 60)] };
        script.PossibleBugs[0] = [Average];
        script.PossibleBugs[1] = [Average with { Call = "average(values=[])" }, Median];
        await using var host = await RunHarness.StartAsync(script);
        var runId = await host.SubmitAsync();
        await host.WaitForAsync(runId, m => m.Completed);
        var completed = await host.PublishedAsync<RunCompleted>(runId);

        completed.PossibleBugs.Select(b => b.Call).ShouldBe(["average([])", "median([4, 1, 3, 2])"]);
        using var findings = JsonDocument.Parse(File.ReadAllText(host.ArtifactPath(runId, "findings.json")));
        findings.RootElement.GetProperty("count").GetInt32().ShouldBe(2);
        var first = findings.RootElement.GetProperty("possible_bugs")[0];
        first.GetProperty("summary").GetString().ShouldBe(
            "possible bug: average([]) raises ZeroDivisionError (division by zero); its type hints accept these arguments and promise float");
        first.GetProperty("found_by").GetString().ShouldBe("search");
        first.GetProperty("line").GetInt32().ShouldBe(7);
        findings.RootElement.GetProperty("possible_bugs")[1].GetProperty("summary").GetString()
            .ShouldBe("possible bug: median([4, 1, 3, 2]) gives 3; the docstring's example shows 2.5");

        using var sarif = JsonDocument.Parse(File.ReadAllText(host.ArtifactPath(runId, "findings.sarif")));
        var results = sarif.RootElement.GetProperty("runs")[0].GetProperty("results");
        results.GetArrayLength().ShouldBe(2);
        results[0].GetProperty("ruleId").GetString().ShouldBe("possible-bug/ZeroDivisionError");
        results[0].GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32().ShouldBe(7);

        using var summary = JsonDocument.Parse(File.ReadAllText(host.ArtifactPath(runId, "run_summary.json")));
        summary.RootElement.GetProperty("possible_bugs").GetArrayLength().ShouldBe(2);
    }

    [Fact]
    public async Task Should_write_an_empty_findings_file_when_nothing_was_found()
    {
        await using var host = await RunHarness.StartAsync();
        var runId = await host.SubmitAsync();
        await host.WaitForAsync(runId, m => m.Completed);

        using var findings = JsonDocument.Parse(File.ReadAllText(host.ArtifactPath(runId, "findings.json")));
        findings.RootElement.GetProperty("count").GetInt32().ShouldBe(0);
        findings.RootElement.GetProperty("possible_bugs").GetArrayLength().ShouldBe(0);
    }
}
