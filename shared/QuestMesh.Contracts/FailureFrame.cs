namespace QuestMesh.Contracts;

/// <summary>One traceback frame: project files relative to the project, <see cref="Kind"/> one of <see cref="FrameKinds"/>.</summary>
public record FailureFrame
{
    public string File { get; init; } = "";
    public int Line { get; init; }
    public string Function { get; init; } = "";
    public string? Source { get; init; }
    public string Kind { get; init; } = FrameKinds.Library;
}
