using System.ComponentModel.DataAnnotations;
using QuestMesh.Orchestrator.Routing;

namespace QuestMesh.Orchestrator;

/// <summary>Section <c>Orchestrator</c>: where artifacts go, how the router judges progress, and step deadlines.</summary>
public sealed class OrchestratorOptions
{
    public const string Section = "Orchestrator";

    /// <summary>Folder under which each run gets <c>&lt;run_id&gt;/</c> (embedded mode); relative paths are from the working directory.</summary>
    [Required(AllowEmptyStrings = false)]
    public string ArtifactsRoot { get; set; } = Path.Combine("artifacts", "runs");

    public RouterOptions Router { get; set; } = new();

    public StepTimeoutOptions StepTimeouts { get; set; } = new();

    /// <summary>How many times a step whose deadline passed is sent again before the run fails.</summary>
    [Range(0, 20)]
    public int StepRetryLimit { get; set; } = 2;

    /// <summary>
    /// Saga messages one orchestrator handles at once, and takes from the broker ahead. A transition waits
    /// on database and broker round trips far more than on the processor, so this is well above the core
    /// count; each message in flight holds one database connection.
    /// </summary>
    [Range(1, 256)]
    public int SagaConcurrency { get; set; } = 32;

    /// <summary>How often the sweeper looks for runs whose step deadline passed.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(5);
}
