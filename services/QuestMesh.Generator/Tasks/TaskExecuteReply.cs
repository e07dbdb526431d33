using QuestMesh.Contracts;

namespace QuestMesh.Generator.Tasks;

/// <summary>The parts of the harness's <c>execute</c> reply a task reads, with coverage's per-test contexts (line → test ids).</summary>
public sealed record TaskExecuteReply
{
    public string Status { get; init; } = "error";
    public IReadOnlyList<TestOutcome> Tests { get; init; } = [];
    public string? TestError { get; init; }
    public TaskCoverage? Coverage { get; init; }
}

public sealed record TaskCoverage
{
    public double Percent { get; init; }
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Contexts { get; init; } = new Dictionary<string, IReadOnlyList<string>>();
}
