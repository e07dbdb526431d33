using QuestMesh.Contracts;
using QuestMesh.Generator.Prompts;
using QuestMesh.Llm;
using QuestMesh.Python.Harness;

namespace QuestMesh.Generator.Tasks;

/// <summary>Fills the task API's templates (<c>task_*.md</c>). Pure: text in, text out.</summary>
public static class TaskPrompts
{
    private const string None = "(none)";

    public static Prompt Coverage(PromptTemplates templates, TaskBrief brief, string existingTests, IReadOnlyList<UncoveredRange> ranges)
    {
        var values = Values(templates, brief);
        values["ranges"] = string.Join('\n', ranges.Select(r => r.StartLine == r.EndLine
            ? $"- line {r.StartLine} ({Kind(r.Type)})"
            : $"- lines {r.StartLine}-{r.EndLine} ({Kind(r.Type)})"));
        values["missing_lines"] = brief.Brief.Lines.Count == 0
            ? ""
            : "Their source:\n" + string.Join('\n', brief.Brief.Lines
                .Where(l => !string.IsNullOrWhiteSpace(l.Text))
                .Select(l => $"- line {l.Line}{(l.Function is null ? "" : $" in `{l.Function}`")}: `{l.Text}`"));
        values["existing_tests"] = string.IsNullOrWhiteSpace(existingTests) ? "# (empty)" : existingTests.TrimEnd();
        return Build(templates, templates.Tasks.Coverage, values);
    }

    public static Prompt Generation(PromptTemplates templates, TaskBrief brief, string description)
    {
        var values = Values(templates, brief);
        values["description"] = string.IsNullOrWhiteSpace(description) ? None : description.Trim();
        return Build(templates, templates.Tasks.Generation, values);
    }

    public static Prompt Repair(PromptTemplates templates, TaskBrief brief, string testCode, IEnumerable<string> failures)
    {
        var values = Values(templates, brief);
        values["test_code"] = testCode.TrimEnd();
        values["failures"] = string.Join('\n', failures.Select(f => "- " + f));
        return Build(templates, templates.Tasks.Repair, values);
    }

    /// <summary>The source with right-aligned line numbers, so the model can name lines.</summary>
    public static string Numbered(string source)
    {
        var lines = source.TrimEnd('\n').Split('\n');
        var width = lines.Length.ToString(System.Globalization.CultureInfo.InvariantCulture).Length;
        return string.Join('\n', lines.Select((line, i) => $"{(i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(width)} | {line.TrimEnd('\r')}"));
    }

    private static Dictionary<string, string> Values(PromptTemplates templates, TaskBrief brief)
    {
        var style = templates.Rules.ContainsKey(brief.Style) ? brief.Style : "pytest";
        return new Dictionary<string, string>
        {
            ["framework_rules"] = templates.Rules[style].Trim(),
            ["module"] = brief.Brief.Module,
            ["target_file"] = brief.TargetFile,
            ["import_line"] = PromptBuilder.ImportLine(brief.Brief.Module, brief.Brief.Context),
            ["context"] = PromptBuilder.Context(brief.Brief.Context),
            ["target_code"] = brief.SourceCode.TrimEnd(),
            ["numbered_code"] = Numbered(brief.SourceCode),
        };
    }

    private static Prompt Build(PromptTemplates templates, string user, IReadOnlyDictionary<string, string> values) =>
        new(PromptText.Fill(templates.Tasks.System, values).Trim() + "\n", PromptText.Fill(user, values).Trim() + "\n");

    private static string Kind(string type) => type == UncoveredRangeTypes.Branch ? "a branch there is never taken" : "never executed";
}
