namespace QuestMesh.Contracts;

/// <summary>
/// Write one test file for a module, guided by a person's <see cref="Description"/> (the task API's
/// <c>POST /generation</c>). Replied to with <see cref="TestFileGenerated"/>.
/// </summary>
public record GenerateTestFile
{
    public Guid TaskId { get; init; }
    public required TaskSource Source { get; init; }
    public string Description { get; init; } = "";
}
