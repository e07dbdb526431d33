using System.Text.Json.Nodes;
using QuestMesh.Contracts;
using QuestMesh.Llm;
using QuestMesh.Python.Harness;

namespace QuestMesh.Generator.Prompts;

/// <summary>
/// Fills the templates: the generator prompt for a first suite, the enhancer prompt (gaps with their
/// source text, surviving mutants, the critique, the current suite) for the next ones. Pure: text in, text out.
/// </summary>
public static class PromptBuilder
{
    private const int MaxImportedNames = 12;
    private const int MaxSuggestionsPerKind = 5;
    private const string None = "(none)";

    public static Prompt Build(PromptTemplates templates, PromptInput input)
    {
        var style = templates.Rules.ContainsKey(input.Brief.TestStyle) ? input.Brief.TestStyle : "pytest";
        var values = new Dictionary<string, string>
        {
            ["framework_rules"] = templates.Rules[style].Trim(),
            ["module"] = input.Brief.Module,
            ["target_file"] = input.TargetFile,
            ["test_file"] = input.TestFile,
            ["test_style"] = style,
            ["import_line"] = ImportLine(input.Brief.Module, input.Brief.Context),
            ["context"] = Context(input.Brief.Context),
            ["target_code"] = input.TargetCode.TrimEnd(),
            ["existing_suite"] = (input.ExistingSuite ?? "").TrimEnd(),
            ["instructions"] = Bullets(input.Instructions.Concat(SuggestionLines(input.Suggestions))),
            ["missing_lines"] = Bullets(input.Brief.Lines.Select(l => $"line {l.Line}{In(l.Function)}: `{l.Text}`")),
            ["missing_branches"] = Bullets(input.Brief.Branches.Select(b => b.To > 0
                ? $"line {b.From} → line {b.To}{In(b.Function)}: from `{b.FromText}` to `{b.ToText}`"
                : $"line {b.From} → leaving the function{In(b.Function)}: from `{b.FromText}`")),
            ["surviving_mutants"] = Bullets(input.Brief.Mutants.Select(m =>
                $"line {m.Line}{In(m.Function)}: `{m.Text}` — `{m.Original}` changed to `{m.Mutated}` went unnoticed")),
        };
        values["functions"] = Functions(input.Brief);
        var user = input.GapsOnly ? templates.Gaps : input.ExistingSuite is null ? templates.Generate : templates.Enhance;
        return new Prompt(PromptText.Fill(templates.System, values).Trim() + "\n", PromptText.Fill(user, values).Trim() + "\n");
    }

    /// <summary>
    /// The supervisor's suggestions as instructions, labelled by kind as the original enhancer had them
    /// (<c>Priority: …</c>, <c>Coverage: …</c>); after the rules' own, which are measured facts.
    /// </summary>
    public static IEnumerable<string> SuggestionLines(LlmSuggestions? suggestions)
    {
        if (suggestions is null)
            return [];
        return Labelled("Priority", suggestions.PriorityIssues)
            .Concat(Labelled("Coverage", suggestions.CoverageSuggestions))
            .Concat(Labelled("Mutation", suggestions.MutationSuggestions))
            .Concat(Labelled("Code quality", suggestions.CodeQualitySuggestions))
            .Concat(Labelled("Test strategy", suggestions.TestStrategySuggestions));
    }

    private static IEnumerable<string> Labelled(string label, IReadOnlyList<string> items) =>
        items.Take(MaxSuggestionsPerKind).Select(item => $"{label}: {item}");

    /// <summary><c>from pkg.mod import a, B</c> for the module's public functions and classes; <c>import pkg.mod</c> when there are none or too many.</summary>
    public static string ImportLine(string module, JsonObject? context)
    {
        var names = Symbols(context, "classes").Concat(Symbols(context, "functions"))
            .Select(s => s["name"]?.GetValue<string>())
            .OfType<string>()
            .Where(n => !n.StartsWith('_'))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
        return names.Count is 0 or > MaxImportedNames ? $"import {module}" : $"from {module} import {string.Join(", ", names)}";
    }

    /// <summary>What <c>analyze</c> found in the module (summary, signatures with their first docstring line, raises), as prompt lines.</summary>
    public static string Context(JsonObject? context)
    {
        if (context is null)
            return None;
        var lines = new List<string>();
        if (context["summary"]?.GetValue<string>() is { Length: > 0 } summary)
            lines.Add($"Summary: {summary}");
        if (context["framework"]?.GetValue<string>() is { } framework and not "plain")
            lines.Add($"Framework: {framework}");
        foreach (var function in Symbols(context, "functions"))
            lines.Add("- " + Signature(function, "def"));
        foreach (var cls in Symbols(context, "classes"))
        {
            lines.Add("- " + Described($"class {cls["name"]}", cls));
            foreach (var method in Symbols(cls, "methods"))
                lines.Add("  - " + Signature(method, "def"));
        }
        var raises = (context["raises"] as JsonArray)?.Select(r => r?.ToString()).OfType<string>().ToList() ?? [];
        if (raises.Count > 0)
            lines.Add($"Raises: {string.Join(", ", raises)}");
        return lines.Count == 0 ? None : string.Join('\n', lines);
    }

    private static string Signature(JsonNode symbol, string keyword)
    {
        var prefix = symbol["is_async"]?.GetValue<bool>() == true ? "async " : "";
        return Described($"{prefix}{keyword} {symbol["name"]}{symbol["signature"]}", symbol);
    }

    private static string Described(string head, JsonNode symbol)
    {
        var doc = symbol["docstring"]?.GetValue<string>()?.Trim().Split('\n', 2)[0].Trim();
        return string.IsNullOrEmpty(doc) ? $"`{head}`" : $"`{head}`: {doc}";
    }

    private static IEnumerable<JsonNode> Symbols(JsonNode? owner, string key) =>
        (owner?[key] as JsonArray)?.OfType<JsonNode>() ?? [];

    /// <summary>The functions the brief's gaps are in, as prose: <c>`a` and `B.c`</c>, or <c>module-level code</c>.</summary>
    private static string Functions(BriefReply brief)
    {
        var names = brief.Lines.Select(l => l.Function).Concat(brief.Branches.Select(b => b.Function)).Concat(brief.Mutants.Select(m => m.Function))
            .Distinct()
            .Select(f => f is null ? "module-level code" : $"`{f}`")
            .ToList();
        return names.Count switch
        {
            0 => "the module",
            1 => names[0],
            _ => string.Join(", ", names[..^1]) + " and " + names[^1],
        };
    }

    private static string In(string? function) => function is null ? "" : $" in `{function}`";

    private static string Bullets(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count == 0 ? None : string.Join('\n', list.Select(i => "- " + i));
    }

}
