using System.ComponentModel.DataAnnotations;

namespace QuestMesh.Generator;

/// <summary>Section <c>Generator</c>: how the generator spends its time. The model endpoint is <see cref="Llm.LlmOptions"/>.</summary>
public sealed class GeneratorOptions
{
    public const string Section = "Generator";

    /// <summary>
    /// Seconds the search's process may run past the run's search budget (reading the module, minimising,
    /// writing the suite) before it is stopped.
    /// </summary>
    [Range(1, 3600)]
    public int SearchGraceSeconds { get; set; } = 60;

    /// <summary>Generations (and, apart, enhancements) one generator process works on at once.</summary>
    [Range(1, 64)]
    public int ConcurrentSteps { get; set; } = 2;
}
