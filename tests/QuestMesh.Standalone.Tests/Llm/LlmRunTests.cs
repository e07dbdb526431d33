using System.Text.Json.Nodes;
using QuestMesh.Standalone.Cli;
using QuestMesh.Standalone.Tests.Hostile;
using QuestMesh.Tests.Llm;

namespace QuestMesh.Standalone.Tests.Llm;

/// <summary><c>questmesh run</c> from the command line against an OpenAI-compatible server the test starts and scripts.</summary>
public sealed class LlmRunTests : IAsyncLifetime
{
    private const string Key = "sk-run-secret-9876543210";
    private static readonly TimeSpan RunLimit = TimeSpan.FromMinutes(10);

    private const string Module = """
        PASS_MARK = 50


        def grade(score: int) -> str:
            if score < 0 or score > 100:
                raise ValueError("score must be between 0 and 100")
            if score >= 90:
                return "A"
            if score >= 70:
                return "B"
            if score >= PASS_MARK:
                return "C"
            return "F"


        def average(scores: list) -> float:
            if not scores:
                return 0.0
            return sum(scores) / len(scores)

        """;

    private const string WeakSuite = """
        Here is a first test:

        ```python
        from calc.grades import grade


        def test_grade_of_95_is_a():
            assert grade(95) == "A"
        ```
        """;

    private const string BetterSuite = """
        ```python
        import pytest

        from calc.grades import average, grade


        @pytest.mark.parametrize("score, expected", [
            (100, "A"), (90, "A"), (89, "B"), (70, "B"), (69, "C"), (50, "C"), (49, "F"), (0, "F"),
        ])
        def test_grade_boundaries(score, expected):
            assert grade(score) == expected


        @pytest.mark.parametrize("score", [-1, 101])
        def test_grade_out_of_range_raises(score):
            with pytest.raises(ValueError, match="score must be between 0 and 100"):
                grade(score)


        def test_average_of_nothing_is_zero():
            assert average([]) == 0.0


        def test_average_of_scores():
            assert average([1, 2]) == 1.5


        if __name__ == "__main__":
            pytest.main()
        ```
        """;

    private readonly string _root = Directory.CreateTempSubdirectory("qm-llm-").FullName;
    private ScriptedLlmServer _server = null!;

    private string Project => Path.Combine(_root, "project");
    private string Output => Path.Combine(_root, "out");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Path.Combine(Project, "calc"));
        File.WriteAllText(Path.Combine(Project, "calc", "__init__.py"), "");
        File.WriteAllText(Path.Combine(Project, "calc", "grades.py"), Module);
        _server = await ScriptedLlmServer.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        Directory.Delete(_root, recursive: true);
    }

    private Dictionary<string, string> Environment(string model = "scripted") => new()
    {
        ["QUESTMESH_Generator__Llm__Endpoint"] = _server.BaseUrl + "/v1",
        ["QUESTMESH_Generator__Llm__Model"] = model,
        ["QUESTMESH_Generator__Llm__ApiKey"] = Key,
        ["QUESTMESH_Generator__Llm__RetryDelaySeconds"] = "0.01",
        ["QUESTMESH_Generator__Llm__Prices__scripted__InputPerMillion"] = "2",
        ["QUESTMESH_Generator__Llm__Prices__scripted__OutputPerMillion"] = "8",
    };

    private Task<QuestMeshProcess.Result> RunAsync(string strategy, int maxAttempts) =>
        QuestMeshProcess.RunAsync(Environment(), RunLimit, "run", Project, "--file", "calc/grades.py", "--out", Output,
            "--strategy", strategy, "--max-attempts", maxAttempts.ToString(), "--max-mutants", "40");

    private JsonNode Artifact(string name) => JsonNode.Parse(File.ReadAllText(Path.Combine(Output, name)))!;

    [Fact]
    public async Task Run_WeakThenBetterSuite_EnhancesWithTheGapsAndTotalsTheCost()
    {
        _server.ThenAnswer(WeakSuite, promptTokens: 1000, completionTokens: 200)
            .ThenAnswer(BetterSuite, promptTokens: 1500, completionTokens: 300, logprobs:
            [
                (Math.Log(0.5), [Math.Log(0.5), Math.Log(0.25), Math.Log(0.25)]),
                (0.0, [0.0]),
            ]);

        var result = await RunAsync("llm", maxAttempts: 2);

        result.TimedOut.ShouldBeFalse(result.Output);
        result.ExitCode.ShouldBe(ExitCodes.TargetsMet, result.Output);
        result.Output.ShouldContain("strategy llm: model 'scripted'");
        _server.Received.Count.ShouldBe(2);

        var generate = _server.Received[0].Message("user");
        generate.ShouldContain("Write a test module for the Python module `calc.grades`");
        generate.ShouldContain("from calc.grades import average, grade");
        var enhance = _server.Received[1].Message("user");
        enhance.ShouldContain("Improve the test module");
        enhance.ShouldContain("line 6 in `grade`: `raise ValueError(\"score must be between 0 and 100\")`");
        enhance.ShouldContain("def test_grade_of_95_is_a():");
        var survivor = Artifact("attempt_0.critique.json")["surviving_mutants"]!.AsArray().First()!;
        enhance.ShouldContain($"- line {survivor["line"]}");
        enhance.ShouldContain($"`{survivor["original"]}` changed to `{survivor["mutated"]}` went unnoticed");

        var summary = Artifact("run_summary.json");
        var attempts = summary["attempts"]!.AsArray();
        attempts.Count.ShouldBe(2);
        attempts[1]!["coverage"]!.GetValue<double>().ShouldBeGreaterThan(attempts[0]!["coverage"]!.GetValue<double>());
        summary["total_llm_cost"]!.GetValue<decimal>().ShouldBe(0.009m);
        summary["prompt_tokens"]!.GetValue<int>().ShouldBe(2500);
        summary["completion_tokens"]!.GetValue<int>().ShouldBe(500);
        summary["total_tokens"]!.GetValue<int>().ShouldBe(3000);
        summary["llm_calls"]!.GetValue<int>().ShouldBe(2);
        summary["total_llm_duration_seconds"]!.GetValue<double>().ShouldBeGreaterThan(0);

        var metadata = Artifact("attempt_1.llm_metadata.json");
        metadata["strategy"]!.GetValue<string>().ShouldBe("llm");
        metadata["model"]!.GetValue<string>().ShouldBe("scripted");
        metadata["entropy"]!.GetValue<double>().ShouldBe(0.75 * Math.Log(2), 1e-5);
        metadata["avg_logprob"]!.GetValue<double>().ShouldBe(Math.Log(0.5) / 2, 1e-5);
        metadata["prompt_tokens"]!.GetValue<int>().ShouldBe(1500);
        metadata["completion_tokens"]!.GetValue<int>().ShouldBe(300);
        metadata["estimated_cost"]!.GetValue<decimal>().ShouldBe(0.0054m);
        metadata["llm_duration_seconds"]!.GetValue<double>().ShouldBeGreaterThan(0);
        metadata["removed"]!.AsArray().Select(r => r!.GetValue<string>()).ShouldContain("if __name__ == \"__main__\" block");
        File.ReadAllText(Path.Combine(Output, "attempt_1.test_src.py")).ShouldNotContain("__main__");
        Artifact("attempt_1.pre_reliability.json")["entropy"]!.GetValue<double>().ShouldBe(0.75 * Math.Log(2), 1e-5);

        result.Output.ShouldNotContain(Key);
        foreach (var artifact in Directory.EnumerateFiles(Output, "*", SearchOption.AllDirectories))
            File.ReadAllText(artifact).ShouldNotContain(Key, customMessage: artifact);
    }

    [Fact]
    public async Task Run_SupervisorSuggestions_GoIntoTheCritiqueTheNextPromptAndTheTotals()
    {
        const string Suggestions = """
            ```json
            {"priority_issues": ["grade has no test below the pass mark"], "coverage_suggestions": ["call grade(-1) to reach the ValueError"],
             "mutation_suggestions": [], "code_quality_suggestions": [], "test_strategy_suggestions": ["parametrise grade over its boundaries"],
             "next_steps": ["cover the boundaries"]}
            ```
            """;
        _server.ThenAnswer(WeakSuite, promptTokens: 1000, completionTokens: 200)
            .ThenAnswer(Suggestions, promptTokens: 700, completionTokens: 100)
            .ThenAnswer(BetterSuite, promptTokens: 1500, completionTokens: 300)
            .ThenAnswer("No JSON here, sorry.", promptTokens: 800, completionTokens: 10);
        var environment = Environment();
        environment["QUESTMESH_Supervisor__Llm__Enabled"] = "true";

        var result = await QuestMeshProcess.RunAsync(environment, RunLimit, "run", Project, "--file", "calc/grades.py", "--out", Output,
            "--strategy", "llm", "--max-attempts", "2", "--max-mutants", "40");

        result.TimedOut.ShouldBeFalse(result.Output);
        result.ExitCode.ShouldBe(ExitCodes.TargetsMet, result.Output);
        _server.Received.Count.ShouldBe(4);
        _server.Received[1].Message("system").ShouldContain("\"priority_issues\"");
        _server.Received[1].Message("user").ShouldContain("line 6: `raise ValueError(\"score must be between 0 and 100\")`");
        var enhance = _server.Received[2].Message("user");
        enhance.ShouldContain("- Priority: grade has no test below the pass mark");
        enhance.ShouldContain("- Coverage: call grade(-1) to reach the ValueError");

        var first = Artifact("attempt_0.critique.json");
        first["llm_suggestions"]!["priority_issues"]!.AsArray().Single()!.GetValue<string>().ShouldBe("grade has no test below the pass mark");
        first["llm_suggestions"]!["next_steps"]!.AsArray().Count.ShouldBe(1);
        first["supervisor_llm_metadata"]!["prompt_tokens"]!.GetValue<int>().ShouldBe(700);
        first["supervisor_llm_metadata"]!["estimated_cost"]!.GetValue<decimal>().ShouldBe(0.0022m);
        var second = Artifact("attempt_1.critique.json");
        second["llm_suggestions"]!.AsArray().ShouldBeEmpty();
        second["supervisor_llm_metadata"]!["error"]!.GetValue<string>().ShouldContain("not usable: the answer holds no JSON object");
        second["supervisor_llm_metadata"]!["failure_output"]!.GetValue<string>().ShouldBe("No JSON here, sorry.");

        var summary = Artifact("run_summary.json");
        summary["llm_calls"]!.GetValue<int>().ShouldBe(4);
        summary["prompt_tokens"]!.GetValue<int>().ShouldBe(4000);
        summary["completion_tokens"]!.GetValue<int>().ShouldBe(610);
        summary["total_llm_cost"]!.GetValue<decimal>().ShouldBe(0.01288m);
        foreach (var artifact in Directory.EnumerateFiles(Output, "*", SearchOption.AllDirectories))
            File.ReadAllText(artifact).ShouldNotContain(Key, customMessage: artifact);
    }

    [Fact]
    public async Task Run_Auto_WithAnEndpoint_ChoosesTheHybridAndSaysSo()
    {
        _server.ThenAnswer(BetterSuite);

        var result = await RunAsync("auto", maxAttempts: 1);

        result.TimedOut.ShouldBeFalse(result.Output);
        result.Output.ShouldContain("strategy hybrid: the offline search, then model 'scripted'");
        result.Output.ShouldContain("chosen by auto: a model endpoint is configured");
        var metadata = Artifact("attempt_0.llm_metadata.json");
        metadata["strategy"]!.GetValue<string>().ShouldBe("hybrid");
        metadata["hybrid"]!["search"]!["tests"]!.GetValue<int>().ShouldBeGreaterThan(0);
        _server.Received.Count.ShouldBe(metadata["llm_calls"]!.GetValue<int>());
    }

    [Fact]
    public async Task Run_UnusableAnswer_IsRecordedWithTheReasonAndTheRunEnds()
    {
        _server.ThenAnswer("I am sorry, I cannot write tests for this module.");

        var result = await RunAsync("llm", maxAttempts: 2);

        result.TimedOut.ShouldBeFalse(result.Output);
        result.ExitCode.ShouldBe(ExitCodes.InternalError, result.Output);
        result.Output.ShouldContain("not a usable test module");
        var metadata = Artifact("attempt_0.llm_metadata.json");
        metadata["unusable_reason"]!.GetValue<string>().ShouldStartWith("syntax_error:");
        metadata["failure_output"]!.GetValue<string>().ShouldContain("I cannot write tests");
        metadata["prompt_tokens"]!.GetValue<int>().ShouldBe(100);
    }

    [Fact]
    public async Task Run_KeyRefused_FailsAtOnceWithWhatToSet()
    {
        _server.ThenError(401, "Incorrect API key provided.");

        var result = await RunAsync("llm", maxAttempts: 2);

        result.TimedOut.ShouldBeFalse(result.Output);
        result.ExitCode.ShouldBe(ExitCodes.InternalError, result.Output);
        result.Output.ShouldContain("401 Unauthorized");
        result.Output.ShouldContain("QUESTMESH_Generator__Llm__ApiKey");
        result.Output.ShouldNotContain(Key);
        _server.Received.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Run_LlmWithoutEndpoint_IsRefusedInOneLine()
    {
        var project = Path.Combine(_root, "project");

        var line = await CliRun.ShouldBeRefused("needs a model endpoint and none is configured",
            "run", project, "--file", "calc/grades.py", "--strategy", "llm");

        line.ShouldContain("QUESTMESH_Generator__Llm__Endpoint");
    }
}
