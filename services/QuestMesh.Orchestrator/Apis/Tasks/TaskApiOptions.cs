using System.ComponentModel.DataAnnotations;

namespace QuestMesh.Orchestrator.Apis.Tasks;

/// <summary>Section <c>Tasks</c>: what the task API accepts and how long it waits.</summary>
public sealed class TaskApiOptions
{
    public const string Section = "Tasks";

    /// <summary>Largest <c>source_code</c> or <c>existing_test_code</c> (bytes, UTF-8).</summary>
    [Range(1024, 16 * 1024 * 1024)]
    public int MaxSourceBytes { get; set; } = 1024 * 1024;

    /// <summary>Most <c>uncovered_ranges</c> in one request.</summary>
    [Range(1, 100_000)]
    public int MaxRanges { get; set; } = 500;

    /// <summary>Longest <c>user_description</c> (characters).</summary>
    [Range(1, 1_000_000)]
    public int MaxDescriptionChars { get; set; } = 10_000;

    /// <summary>Seconds the offline search may spend on a task that names none.</summary>
    [Range(1, 600)]
    public int SearchBudgetSeconds { get; set; } = 10;

    /// <summary>How long <c>POST /generation</c> waits for its test file before it answers 202 with the task to poll (0: never waits).</summary>
    [Range(0, 600)]
    public int GenerationWaitSeconds { get; set; } = 60;

    /// <summary>A task not finished this long after it was created is reported failed (no generator took it, or one died with it).</summary>
    [Range(1, 1440)]
    public int TimeoutMinutes { get; set; } = 30;
}
