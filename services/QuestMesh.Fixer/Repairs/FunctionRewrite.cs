namespace QuestMesh.Fixer.Repairs;

/// <summary>A test function's new text, for the harness <c>patch</c> command (op replace).</summary>
public sealed record FunctionRewrite(string Name, string Code);
