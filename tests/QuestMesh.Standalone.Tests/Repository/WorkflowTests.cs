using QuestMesh.Orchestrator.Repositories;
using System.Diagnostics;
using System.Text.RegularExpressions;
using QuestMesh.Standalone.Repository;
using QuestMesh.Tests.Shared.Api;
using YamlDotNet.Serialization;

namespace QuestMesh.Standalone.Tests.Repository;

/// <summary>
/// deploy/ci/github/questmesh.yml: valid YAML with the inputs CI users set, and its QuestMesh and gate steps run
/// here as written (their <c>${{ … }}</c> expressions filled in as GitHub would) against samples/storefront.
/// </summary>
public sealed partial class WorkflowTests : IDisposable
{
    private static readonly string Root = ApiSamples.RepositoryRoot();
    private static readonly Dictionary<object, object> Workflow = Load();
    private readonly StorefrontRepository _repository = new();

    public void Dispose() => _repository.Dispose();

    private static Dictionary<object, object> Load() =>
        new DeserializerBuilder().Build().Deserialize<Dictionary<object, object>>(
            File.ReadAllText(Path.Combine(Root, "deploy", "ci", "github", "questmesh.yml")));

    private static Dictionary<object, object> Map(object? node, params string[] path)
    {
        foreach (var key in path)
            node = ((Dictionary<object, object>)node!)[key];
        return (Dictionary<object, object>)node!;
    }

    private static List<Dictionary<object, object>> Steps() =>
        ((List<object>)Map(Workflow, "jobs", "questmesh")["steps"]).Cast<Dictionary<object, object>>().ToList();

    private static Dictionary<object, object> Step(string name) => Steps().Single(s => (string)s["name"] == name);

    [Theory]
    [InlineData("workflow_call")]
    [InlineData("workflow_dispatch")]
    public void Workflow_Trigger_TakesTheCiInputs(string trigger)
    {
        var inputs = Map(Workflow, "on", trigger, "inputs");

        foreach (var (name, type) in new[] { ("min_coverage", "number"), ("delta_threshold", "number"), ("push_tests", "boolean"), ("branch_name", "string") })
        {
            var input = Map(inputs, name);
            input["type"].ShouldBe(type, name);
            input.ShouldContainKey("description");
            input.ShouldContainKey("default");
        }
    }

    [Fact]
    public void Workflow_Steps_UploadTheReportsCommentSummariseAndGate()
    {
        Steps().Select(s => (string)s["name"]).ShouldBe([
            "Check out the repository", "Check out QuestMesh", "Set up .NET", "Install Python tools and the sandbox", "Build QuestMesh",
            "Run QuestMesh", "Upload the reports", "Post or update the PR comment", "Gate"]);
        var uploaded = (string)Map(Step("Upload the reports"), "with")["path"];
        foreach (var report in new[] { "coverage.xml", "test-results.xml", "htmlcov/", "summary.md", "coverage_gaps.json", "iteration_report.json", "tests/generated/" })
            uploaded.ShouldContain("/questmesh/" + report);
        Step("Upload the reports")["if"].ShouldBe("always()");
        ((string)Map(Step("Post or update the PR comment"), "with")["script"]).ShouldContain("startsWith(marker)");
        Map(Workflow, "permissions")["contents"].ShouldBe("write");
    }

    [Fact]
    public async Task Workflow_StepsRunLocally_ThresholdMissed_GateFailsAfterPushingTheBranch()
    {
        var (output, summary) = await RunQuestMeshStep(minCoverage: "90", pushTests: "true");

        output.ShouldBe("exit_code=5");
        summary.ShouldStartWith(SummaryMarkdown.Heading);
        summary.ShouldContain("Gate: **failed**");
        StorefrontRepository.Git(_repository.Origin, "ls-tree", "-r", "--name-only", "questmesh/ci")
            .ShouldContain("backend/tests/generated/_manifest.json");
        (await RunGateStep("5")).ShouldBe(5);
    }

    [Fact]
    public async Task Workflow_StepsRunLocally_ThresholdHeld_GatePasses()
    {
        var (output, _) = await RunQuestMeshStep(minCoverage: "30", pushTests: "false");

        output.ShouldBe("exit_code=0");
        (await RunGateStep("0")).ShouldBe(0);
    }

    /// <summary>The "Run QuestMesh" step: its env and run, as GitHub would hand them over, in a workspace laid out as the job's.</summary>
    private async Task<(string Output, string Summary)> RunQuestMeshStep(string minCoverage, string pushTests)
    {
        var workspace = Path.Combine(_repository.Root, "workspace");
        Directory.CreateDirectory(workspace);
        // QuestMesh's checkout as the job has it: its scripts, and the questmesh.dll this test was built with.
        var questmesh = Path.Combine(workspace, ".questmesh");
        var build = Path.Combine(questmesh, "services", "QuestMesh.Standalone", "bin", "Release");
        Directory.CreateDirectory(build);
        File.CreateSymbolicLink(Path.Combine(questmesh, "deploy"), Path.Combine(Root, "deploy"));
        File.CreateSymbolicLink(Path.Combine(build, "net10.0"), AppContext.BaseDirectory.TrimEnd('/'));
        File.CreateSymbolicLink(Path.Combine(workspace, "repository"), _repository.Work);
        var temp = Path.Combine(_repository.Root, "runner-temp");
        Directory.CreateDirectory(temp);
        var values = new Dictionary<string, string>
        {
            ["github.workspace"] = workspace, ["runner.temp"] = temp, ["inputs.min_coverage"] = minCoverage, ["inputs.delta_threshold"] = "0",
            ["inputs.push_tests"] = pushTests, ["inputs.branch_name"] = "questmesh/ci", ["inputs.max_modules"] = "0",
            ["inputs.module_budget"] = "600", ["inputs.total_budget"] = "2400",
        };
        var step = Step("Run QuestMesh");
        var environment = Map(step, "env").ToDictionary(e => (string)e.Key, e => Fill((string)e.Value, values));
        environment["GITHUB_OUTPUT"] = Path.Combine(temp, "output");
        environment["GITHUB_STEP_SUMMARY"] = Path.Combine(temp, "summary");
        File.WriteAllText(environment["GITHUB_OUTPUT"], "");
        File.WriteAllText(environment["GITHUB_STEP_SUMMARY"], "");

        var code = await Bash(Fill((string)step["run"], values), workspace, environment);

        code.ShouldBe(0, "the step keeps the exit code for the gate and never fails itself");
        return (File.ReadAllText(environment["GITHUB_OUTPUT"]).Trim(), File.ReadAllText(environment["GITHUB_STEP_SUMMARY"]));
    }

    private async Task<int> RunGateStep(string exitCode) =>
        await Bash(Fill((string)Step("Gate")["run"], new Dictionary<string, string> { ["steps.questmesh.outputs.exit_code"] = exitCode }),
            _repository.Root, new Dictionary<string, string>());

    private static string Fill(string text, IReadOnlyDictionary<string, string> values) =>
        Expression().Replace(text, match => values.TryGetValue(match.Groups[1].Value, out var value)
            ? value
            : throw new InvalidOperationException($"the test gives no value for ${{{{ {match.Groups[1].Value} }}}}"));

    private static async Task<int> Bash(string script, string directory, IReadOnlyDictionary<string, string> environment)
    {
        var info = new ProcessStartInfo("/bin/bash") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(script);
        foreach (var (key, value) in environment)
            info.Environment[key] = value;
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
        await Task.WhenAll(output, error);
        return process.ExitCode;
    }

    [GeneratedRegex(@"\$\{\{\s*([^}]+?)\s*\}\}")]
    private static partial Regex Expression();
}
