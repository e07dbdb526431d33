using System.ComponentModel.DataAnnotations;

namespace QuestMesh.Generator.Tasks;

/// <summary>Section <c>Generator:Tasks</c>: how the task API's work (recommended tests, one test file) is checked.</summary>
public sealed class TaskOptions
{
    public const string Section = "Generator:Tasks";

    /// <summary>Seconds one run of a candidate test module in the sandbox may take.</summary>
    [Range(5, 3600)]
    public int ExecuteTimeoutSeconds { get; set; } = 60;

    /// <summary>Most tests one coverage task recommends.</summary>
    [Range(1, 100)]
    public int MaxRecommendedTests { get; set; } = 10;
}
