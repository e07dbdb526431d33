using System.Text.Json.Nodes;
using QuestMesh.Standalone.Tests.Hostile;
using QuestMesh.Tests.Llm;

namespace QuestMesh.Standalone.Tests.Llm;

/// <summary>
/// <c>questmesh run --strategy auto</c> with a model: the search writes the suite, the scripted server
/// is asked only about the branch the search cannot reach, and only its test that passes and adds
/// coverage is kept.
/// </summary>
public sealed class HybridRunTests : IAsyncLifetime
{
    private static readonly TimeSpan RunLimit = TimeSpan.FromMinutes(10);

    // The search cannot invert a checksum: the "open" branch is left for the model.
    private const string Module = """
        import zlib

        MAGIC = 1136308350


        def unlock(word: str) -> str:
            if zlib.crc32(word.encode()) == MAGIC:
                return "open"
            return "closed"


        def add(a: int, b: int) -> int:
            return a + b

        """;

    private const string Answer = """
        ```python
        from vault.lock import unlock


        def test_unlock_wrongly_expects_open():
            assert unlock("abc") == "open"


        def test_unlock_other_word_is_closed():
            assert unlock("nope") == "closed"


        def test_unlock_magic_word_opens():
            assert unlock("open sesame") == "open"
        ```
        """;

    private readonly string _root = Directory.CreateTempSubdirectory("qm-hybrid-").FullName;
    private ScriptedLlmServer _server = null!;

    private string Project => Path.Combine(_root, "project");
    private string Output => Path.Combine(_root, "out");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Path.Combine(Project, "vault"));
        File.WriteAllText(Path.Combine(Project, "vault", "__init__.py"), "");
        File.WriteAllText(Path.Combine(Project, "vault", "lock.py"), Module);
        _server = await ScriptedLlmServer.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        Directory.Delete(_root, recursive: true);
    }

    private Task<QuestMeshProcess.Result> RunAsync() =>
        QuestMeshProcess.RunAsync(new Dictionary<string, string>
        {
            ["QUESTMESH_Generator__Llm__Endpoint"] = _server.BaseUrl + "/v1",
            ["QUESTMESH_Generator__Llm__Model"] = "scripted",
            ["QUESTMESH_Generator__Llm__MaxRetries"] = "0",
            ["QUESTMESH_Generator__Llm__Prices__scripted__InputPerMillion"] = "2",
            ["QUESTMESH_Generator__Llm__Prices__scripted__OutputPerMillion"] = "8",
        }, RunLimit, "run", Project, "--file", "vault/lock.py", "--out", Output, "--strategy", "auto", "--max-attempts", "1");

    private JsonNode Artifact(string name) => JsonNode.Parse(File.ReadAllText(Path.Combine(Output, name)))!;

    [Fact]
    public async Task Run_ModelAskedOnlyForTheBranchTheSearchLeft_KeepsOnlyItsTestThatAddsCoverage()
    {
        _server.ThenAnswer(Answer, promptTokens: 1000, completionTokens: 250);

        var result = await RunAsync();

        result.TimedOut.ShouldBeFalse(result.Output);
        result.Output.ShouldContain("strategy hybrid");
        var prompt = _server.Received.ShouldHaveSingleItem().Message("user");
        prompt.ShouldContain("Write NEW tests only for the gaps listed here, in `unlock`");
        prompt.ShouldContain("`return \"open\"`");
        prompt.ShouldNotContain("in `add`");

        var hybrid = Artifact("attempt_0.llm_metadata.json")["hybrid"]!;
        hybrid["search"]!["tests"]!.GetValue<int>().ShouldBeGreaterThan(0);
        hybrid["search"]!["branches"]!.GetValue<int>().ShouldBeGreaterThan(0);
        hybrid["llm"]!["tests"]!.GetValue<int>().ShouldBe(1);
        hybrid["llm"]!["lines"]!.GetValue<int>().ShouldBe(1);
        hybrid["llm"]!["branches"]!.GetValue<int>().ShouldBe(1);
        hybrid["kept"]!.AsArray().Select(k => k!.GetValue<string>()).ShouldBe(["test_unlock_magic_word_opens"]);
        var rejected = hybrid["rejected"]!.AsArray().ToDictionary(r => r!["name"]!.GetValue<string>(), r => r!["reason"]!.GetValue<string>());
        rejected["test_unlock_wrongly_expects_open"].ShouldStartWith("fails: test_unlock_wrongly_expects_open failed: AssertionError");
        rejected["test_unlock_other_word_is_closed"].ShouldContain("adds no line or branch");
        hybrid["cost_per_covered_branch"]!.GetValue<decimal>().ShouldBe(0.004m);
        hybrid["llm_failure"].ShouldBeNull();

        var suite = File.ReadAllText(Path.Combine(Output, "attempt_0.test_src.py"));
        suite.ShouldContain("def test_unlock_magic_word_opens");
        suite.ShouldNotContain("test_unlock_wrongly_expects_open");
        suite.ShouldNotContain("test_unlock_other_word_is_closed");
        Artifact("attempt_0.response.json")["status"]!.GetValue<string>().ShouldBe("passed");

        var summary = Artifact("run_summary.json");
        summary["strategy_split"]!["llm"]!["branches"]!.GetValue<int>().ShouldBe(1);
        summary["llm_cost_per_covered_branch"]!.GetValue<decimal>().ShouldBe(0.004m);
        summary["total_llm_cost"]!.GetValue<decimal>().ShouldBe(0.004m);
    }

    [Fact]
    public async Task Run_ModelFails_TheSearchsSuiteStandsAndTheReportSaysWhy()
    {
        _server.ThenError(401, "Incorrect API key provided.");

        var result = await RunAsync();

        result.TimedOut.ShouldBeFalse(result.Output);
        _server.Received.Count.ShouldBe(1);
        var metadata = Artifact("attempt_0.llm_metadata.json");
        metadata["strategy"]!.GetValue<string>().ShouldBe("hybrid");
        var hybrid = metadata["hybrid"]!;
        hybrid["llm_failure"]!.GetValue<string>().ShouldContain("the search's suite stands");
        hybrid["llm"]!["tests"]!.GetValue<int>().ShouldBe(0);
        hybrid["search"]!["tests"]!.GetValue<int>().ShouldBeGreaterThan(0);
        File.ReadAllText(Path.Combine(Output, "attempt_0.test_src.py")).ShouldContain("def test_");
        Artifact("attempt_0.response.json")["status"]!.GetValue<string>().ShouldBe("passed");
    }
}
