using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using QuestMesh.Contracts;
using QuestMesh.Orchestrator.Artifacts;
using QuestMesh.Orchestrator.Tests.Support;

namespace QuestMesh.Orchestrator.Tests.StateMachines;

/// <summary>A run leaves the seed artifacts of DESIGN.md §4, under their original names and fields.</summary>
public class RunArtifactsTests
{
    private static readonly string[] PerAttempt =
    [
        "request.json", "generate_request.json", "test_src.py", "llm_metadata.json", "static.json", "pre_reliability.json",
        "response.json", "post_reliability.json", "critique.json", "metrics.json",
    ];

    [Fact]
    public async Task Should_write_every_seed_artifact_of_a_run_with_a_fix_and_an_enhancement()
    {
        var script = new RunScript { Figures = [(50, 20), (95, 60)] };
        script.FailingAttempts.Add(0);
        await using var host = await RunHarness.StartAsync(script);
        var runId = await host.SubmitAsync();
        await host.WaitForAsync(runId, m => m.Completed);

        var names = await host.Services.GetRequiredService<IArtifactStore>().ListAsync(runId);
        names.ShouldContain("context.json");
        names.ShouldContain("target_code.py");
        names.ShouldContain("events.log");
        names.ShouldContain("run_summary.json");
        names.ShouldContain("final/tests/test_target.py");
        names.ShouldContain("attempt_0.fix_report.json");
        names.ShouldNotContain("attempt_1.fix_report.json");
        foreach (var attempt in new[] { 0, 1 })
            foreach (var part in PerAttempt)
                names.ShouldContain($"attempt_{attempt}.{part}");
    }

    [Fact]
    public async Task Should_use_the_seed_field_names()
    {
        var script = new RunScript { Figures = [(95, 60)] };
        script.FailingAttempts.Add(0);
        await using var host = await RunHarness.StartAsync(script);
        var runId = await host.SubmitAsync();
        await host.WaitForAsync(runId, m => m.Completed);

        var response = Json(host, runId, "attempt_0.response.json");
        foreach (var field in new[] { "status", "success", "exitCode", "executionTime", "coverage", "coverageDetails", "stdout", "stderr", "test_error", "mutation_score", "mutation_uncertainty", "mutation_num" })
            response.TryGetProperty(field, out _).ShouldBeTrue(field);
        var details = response.GetProperty("coverageDetails");
        foreach (var field in new[] { "missing_lines", "covered_lines", "total_lines", "covered", "total_branches", "covered_branches", "missing_branches" })
            details.TryGetProperty(field, out _).ShouldBeTrue(field);

        ShouldHave(Json(host, runId, "attempt_0.static.json"), "syntax_ok", "line_count", "function_count", "class_count", "avg_function_length", "max_function_length", "todo_count", "complexity", "linters");
        Json(host, runId, "attempt_0.static.json").GetProperty("linters").GetProperty("pylint").GetProperty("issue_count").GetInt32().ShouldBe(1);
        ShouldHave(Json(host, runId, "attempt_0.llm_metadata.json"), "entropy", "avg_logprob", "prompt_tokens", "completion_tokens", "estimated_cost", "llm_duration_seconds");
        ShouldHave(Json(host, runId, "attempt_0.pre_reliability.json"), "level", "entropy", "rationale", "lint");
        ShouldHave(Json(host, runId, "attempt_0.post_reliability.json"), "level", "reasons");
        ShouldHave(Json(host, runId, "attempt_0.critique.json"), "compile_error", "no_tests", "low_coverage", "low_mutation", "deltas", "no_progress", "missing_lines", "instructions", "llm_suggestions");
        ShouldHave(Json(host, runId, "attempt_0.metrics.json"), "durations_seconds", "estimated_cost", "prompt_tokens", "completion_tokens");
        ShouldHave(Json(host, runId, "run_summary.json"), "durations_seconds", "iterations", "estimated_cost", "prompt_tokens", "completion_tokens", "reason", "best");
        Json(host, runId, "run_summary.json").GetProperty("reason").GetString().ShouldBe(TerminationReasons.TargetsMet);
        var rounds = Json(host, runId, "attempt_0.fix_report.json").GetProperty("rounds");
        rounds.GetArrayLength().ShouldBe(1);
        rounds[0].GetProperty("runs").GetInt32().ShouldBe(2);
        Json(host, runId, "attempt_0.request.json").GetProperty("suite").GetProperty("source").GetString().ShouldNotBeNull().ShouldContain("# fixed");
        Json(host, runId, "context.json").GetProperty("summary").GetString().ShouldBe("a module");
        File.ReadAllText(host.ArtifactPath(runId, "target_code.py")).ShouldStartWith("def f(x):");
        File.ReadAllText(host.ArtifactPath(runId, "attempt_0.test_src.py")).ShouldContain("# fixed");
    }

    [Fact]
    public async Task Should_log_each_step_as_a_seed_events_line()
    {
        await using var host = await RunHarness.StartAsync();
        var runId = await host.SubmitAsync();
        await host.WaitForAsync(runId, m => m.Completed);

        var lines = File.ReadAllLines(host.ArtifactPath(runId, "events.log"));

        lines.Length.ShouldBe(5); // submitted, generated, analyzed|executed, executed|analyzed, targets-met
        lines.ShouldAllBe(l => Regex.IsMatch(l, $@"^t=\d+ run={runId} attempt=\d+ state=\w+ status=\S+ cov=(-|\d+(\.\d+)?)"));
        lines[0].ShouldContain("state=Generating status=submitted cov=-");
        lines[^1].ShouldContain("state=Completed status=targets-met cov=95.0");
    }

    [Fact]
    public async Task Should_write_to_the_folder_set_for_the_run()
    {
        var own = Directory.CreateTempSubdirectory("questmesh-own-run-").FullName;
        try
        {
            await using var host = await RunHarness.StartAsync();
            var runId = Guid.NewGuid();
            host.Services.GetRequiredService<IRunArtifactLocations>().Assign(runId, own).ShouldBe(own);
            await host.SubmitAsync(runId: runId);
            await host.WaitForAsync(runId, m => m.Completed);

            File.Exists(Path.Combine(own, "run_summary.json")).ShouldBeTrue();
            File.Exists(Path.Combine(own, "final", "tests", "test_target.py")).ShouldBeTrue();
            Directory.Exists(Path.Combine(host.ArtifactsRoot, runId.ToString())).ShouldBeFalse();
        }
        finally
        {
            Directory.Delete(own, recursive: true);
        }
    }

    private static JsonElement Json(RunHarness host, Guid runId, string name) =>
        JsonDocument.Parse(File.ReadAllText(host.ArtifactPath(runId, name))).RootElement;

    private static void ShouldHave(JsonElement element, params string[] fields)
    {
        foreach (var field in fields)
            element.TryGetProperty(field, out _).ShouldBeTrue(field);
    }
}
