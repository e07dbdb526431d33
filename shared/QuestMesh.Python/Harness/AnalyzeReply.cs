namespace QuestMesh.Python.Harness;

/// <summary>The parts of <c>analyze</c>'s reply the services decide on; the whole reply is kept as JSON where needed.</summary>
public sealed record AnalyzeReply
{
    public string Module { get; init; } = "";
    public SyntaxProblem? SyntaxError { get; init; }

    /// <summary>Why the target cannot be tested as given (not text, an encoding problem, empty, not an import name), or null.</summary>
    public TargetProblem? TargetProblem { get; init; }

    /// <summary>The codec Python reads the target with (PEP 263 declaration, BOM, else UTF-8).</summary>
    public string? Encoding { get; init; }

    public string? Summary { get; init; }
    public int Statements { get; init; }
    public string Framework { get; init; } = "plain";
}

public sealed record SyntaxProblem(int Line, string Message);

/// <summary><see cref="Kind"/>: not_a_file, too_large, not_text, encoding, empty, module_name; <see cref="Message"/> is one sentence for a person.</summary>
public sealed record TargetProblem(string Kind, string Message);
