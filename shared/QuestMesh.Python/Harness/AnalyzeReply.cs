namespace QuestMesh.Python.Harness;

/// <summary>The parts of <c>analyze</c>'s reply the services decide on; the whole reply is kept as JSON where needed.</summary>
public sealed record AnalyzeReply
{
    public string Module { get; init; } = "";
    public SyntaxProblem? SyntaxError { get; init; }
    public string? Summary { get; init; }
    public int Statements { get; init; }
    public string Framework { get; init; } = "plain";
}

public sealed record SyntaxProblem(int Line, string Message);
