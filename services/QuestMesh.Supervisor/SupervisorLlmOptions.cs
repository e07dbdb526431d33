using System.ComponentModel.DataAnnotations;

namespace QuestMesh.Supervisor;

/// <summary>
/// Section <c>Supervisor:Llm</c>: after the rule-based critique, ask the model configured under
/// <c>Generator:Llm</c> (same endpoint, model, key, retries and prices) for suggestions. Off by default.
/// </summary>
public sealed class SupervisorLlmOptions
{
    public const string Section = "Supervisor:Llm";

    public bool Enabled { get; set; }

    /// <summary>
    /// The longest the suggestions may take, retries included; past it the critique goes out with the rules
    /// alone. Keep it well under <c>Orchestrator:StepTimeouts:Critique</c> (5 minutes), after which the step is sent again.
    /// </summary>
    [Range(1, 3600)]
    public int TimeoutSeconds { get; set; } = 120;
}
