using QuestMesh.Llm;

namespace QuestMesh.Generator.Prompts;

/// <summary>The prompt texts with their <c>{{placeholders}}</c>; framework rules by test style (pytest, unittest, django).</summary>
public sealed record PromptTemplates(string System, string Generate, string Enhance, IReadOnlyDictionary<string, string> Rules)
{
    /// <summary>The hybrid's prompt: new tests for the gaps the search left in a few functions, the suite kept as it is.</summary>
    public string Gaps { get; init; } = "";

    /// <summary>The task API's prompts: their own system text (a JSON answer), recommended tests for uncovered lines, one test file, one repair.</summary>
    public TaskTemplates Tasks { get; init; } = new("", "", "", "");

    public static readonly IReadOnlyList<string> Styles = ["pytest", "unittest", "django"];

    public static readonly IReadOnlyList<string> FileNames =
        ["system.md", "generate.md", "enhance.md", "gaps.md", .. Styles.Select(RulesFile), .. TaskTemplates.FileNames];

    public static string RulesFile(string style) => $"rules.{style}.md";

    /// <summary>Each file from <paramref name="overrides"/> when it is there, else the one shipped in <paramref name="shipped"/>.</summary>
    public static PromptTemplates Load(string shipped, string? overrides)
    {
        string Read(string name) => PromptText.Read(shipped, overrides, name);

        return new PromptTemplates(Read("system.md"), Read("generate.md"), Read("enhance.md"),
            Styles.ToDictionary(s => s, s => Read(RulesFile(s))))
        {
            Gaps = Read("gaps.md"),
            Tasks = new TaskTemplates(Read("task_system.md"), Read("task_coverage.md"), Read("task_generation.md"), Read("task_repair.md")),
        };
    }

    /// <summary>Where the shipped templates are: next to the generator's assembly.</summary>
    public static string ShippedFolder => PromptText.ShippedFolder;
}

/// <summary>The task API's templates (<c>task_*.md</c>), overridable like the others.</summary>
public sealed record TaskTemplates(string System, string Coverage, string Generation, string Repair)
{
    public static readonly IReadOnlyList<string> FileNames = ["task_system.md", "task_coverage.md", "task_generation.md", "task_repair.md"];
}
