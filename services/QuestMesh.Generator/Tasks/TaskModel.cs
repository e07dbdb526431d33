using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using QuestMesh.Contracts;
using QuestMesh.Generator.Prompts;
using QuestMesh.Llm;
using QuestMesh.Python;
using QuestMesh.Python.Harness;

namespace QuestMesh.Generator.Tasks;

/// <summary>
/// The task API's model calls: recommended tests for uncovered lines, one test file, and one repair of a
/// failing test. The answer is read with <see cref="TaskAnswerParser"/>'s four fallbacks; its code becomes a
/// test module through the harness's <c>answer</c> (it must parse and hold tests). A failed call raises
/// <see cref="LlmException"/>.
/// </summary>
public sealed class TaskModel(LlmClient llm, HarnessClient harness, IOptions<LlmOptions> options)
{
    public const string Origin = "llm";

    public bool IsConfigured => options.Value.IsConfigured;

    private PromptTemplates Templates => PromptTemplates.Load(PromptTemplates.ShippedFolder, options.Value.PromptsFolder);

    /// <summary>One candidate per recommendation of the answer (or per test of a plain test module), and the recommendations that are no usable test code.</summary>
    public async Task<(List<TaskCandidate> Candidates, List<RejectedTest> Unusable)> RecommendAsync(TaskBrief brief, string existingTests,
        IReadOnlyList<UncoveredRange> ranges, TaskLedger ledger, CancellationToken cancellationToken)
    {
        var answer = await AskAsync(TaskPrompts.Coverage(Templates, brief, existingTests, ranges), ledger, cancellationToken);
        var parsed = TaskAnswerParser.Parse(answer.Text);
        var candidates = new List<TaskCandidate>();
        var unusable = new List<RejectedTest>();
        if (parsed.Json?["recommended_tests"] is JsonArray entries)
        {
            var number = 0;
            foreach (var entry in entries)
            {
                var label = $"recommendation {++number}";
                if (Text(entry, "test_code") is not { } code)
                {
                    unusable.Add(new RejectedTest(label, "has no test_code string"));
                    continue;
                }
                var (module, tests, problem) = await ModuleAsync(code, brief.Style, cancellationToken);
                if (module is null)
                    unusable.Add(new RejectedTest(label, $"is not usable test code ({problem})"));
                else
                    candidates.Add(new TaskCandidate(tests, module, Text(entry, "scenario_description") ?? TaskCandidate.ScenarioOf(tests[0]), Origin));
            }
            return (candidates, unusable);
        }

        var whole = CodeOf(parsed, "test_code", "generated_code");
        var (source, names, reason) = whole is null ? (null, [], "it holds neither recommended_tests nor test code") : await ModuleAsync(whole, brief.Style, cancellationToken);
        if (source is null)
            unusable.Add(new RejectedTest("the model's answer", $"is not usable ({reason})"));
        else
            candidates.AddRange(names.Select(name => new TaskCandidate([name], source, TaskCandidate.ScenarioOf(name), Origin)));
        return (candidates, unusable);
    }

    /// <summary>The model's one repair of a failing candidate, or why there is none (a failed call included).</summary>
    public async Task<(TaskCandidate? Repaired, string? Problem)> RepairAsync(TaskBrief brief, JudgedCandidate failed, TaskLedger ledger,
        CancellationToken cancellationToken)
    {
        var (module, tests, json, problem) = await RepairModuleAsync(brief, failed.Candidate.Module, [failed.Failure ?? "it failed"], ledger, cancellationToken);
        if (module is null)
            return (null, problem);
        var scenario = Text(json, "scenario_description") ?? failed.Candidate.Scenario;
        return (new TaskCandidate(tests, module, scenario, Origin) { Repaired = true }, null);
    }

    /// <summary>A whole test module from the model, with its explanation, or why there is none.</summary>
    public async Task<(string? Module, string? Explanation, string? Problem)> GenerateAsync(TaskBrief brief, string description, TaskLedger ledger,
        CancellationToken cancellationToken)
    {
        var answer = await AskAsync(TaskPrompts.Generation(Templates, brief, description), ledger, cancellationToken);
        var parsed = TaskAnswerParser.Parse(answer.Text);
        var code = CodeOf(parsed, "generated_code", "test_code");
        if (code is null)
            return (null, null, "the model's answer holds no generated_code");
        var (module, _, problem) = await ModuleAsync(code, brief.Style, cancellationToken);
        return module is null
            ? (null, null, $"the model's code is not a usable test module ({problem})")
            : (module, Text(parsed.Json, "explanation"), null);
    }

    /// <summary>The model's one repair of a test module, told what failed; a failed call is a problem, not an exception.</summary>
    public async Task<(string? Module, IReadOnlyList<string> Tests, JsonObject? Json, string? Problem)> RepairModuleAsync(TaskBrief brief, string module,
        IReadOnlyList<string> failures, TaskLedger ledger, CancellationToken cancellationToken)
    {
        LlmAnswer answer;
        try
        {
            answer = await AskAsync(TaskPrompts.Repair(Templates, brief, module, failures), ledger, cancellationToken);
        }
        catch (LlmException error)
        {
            return (null, [], null, $"the repair call failed: {error.Message}");
        }
        var parsed = TaskAnswerParser.Parse(answer.Text);
        var code = CodeOf(parsed, "test_code", "generated_code");
        if (code is null)
            return (null, [], parsed.Json, "the repair holds no test_code");
        var (repaired, tests, problem) = await ModuleAsync(code, brief.Style, cancellationToken);
        return repaired is null ? (null, [], parsed.Json, $"the repair is not usable test code ({problem})") : (repaired, tests, parsed.Json, null);
    }

    private async Task<LlmAnswer> AskAsync(Prompt prompt, TaskLedger ledger, CancellationToken cancellationToken)
    {
        try
        {
            var answer = await llm.CompleteAsync(prompt.System, prompt.User, cancellationToken);
            ledger.Add(answer);
            return answer;
        }
        catch (LlmException)
        {
            ledger.Failed();
            throw;
        }
    }

    /// <summary>The code as a test module (the harness's <c>answer</c>) with its tests' names, or the problem.</summary>
    private async Task<(string? Module, IReadOnlyList<string> Tests, string? Problem)> ModuleAsync(string code, string style, CancellationToken cancellationToken)
    {
        var module = await harness.AnswerAsync(code, style, cancellationToken);
        if (module.Problem is { } problem || module.Source is null)
            return (null, [], module.Problem is { } p ? $"{p.Kind}: {p.Message}" : "no source");
        var listing = await harness.MergeAsync("", module.Source, names: null, cancellationToken);
        return listing.Tests.Count == 0 ? (null, [], "no_tests: it defines no test") : (module.Source, listing.Tests, null);
    }

    private static string? CodeOf(TaskAnswer parsed, params string[] keys) =>
        parsed.Json is { } json ? keys.Select(k => Text(json, k)).FirstOrDefault(c => c is not null) : parsed.CodeOnly;

    private static string? Text(JsonNode? node, string key) =>
        node is JsonObject obj && obj[key] is JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text) ? text : null;
}
