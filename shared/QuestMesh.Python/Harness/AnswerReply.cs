namespace QuestMesh.Python.Harness;

/// <summary>Reply of <c>answer</c>: the test module in a model's reply, or why there is none (<see cref="Problem"/>).</summary>
public sealed record AnswerReply
{
    public string? Source { get; init; }
    public bool Fenced { get; init; }
    public IReadOnlyList<string> Removed { get; init; } = [];
    public int TestCount { get; init; }
    public AnswerProblem? Problem { get; init; }
}

/// <summary><see cref="Kind"/>: no_code, syntax_error or no_tests.</summary>
public sealed record AnswerProblem(string Kind, string Message);
