using QuestMesh.Contracts;

namespace QuestMesh.Fixer.Classification;

/// <summary>What the rules decide on: the harness's structured failure, and where it ended up.</summary>
public sealed record FailureFacts(TestFailure Raw, FailureOrigin Origin, bool IsTest)
{
    /// <summary>The innermost project frame is the target module itself.</summary>
    public bool InTarget => Raw.Frames.LastOrDefault(f => f.Kind != FrameKinds.Library)?.Kind == FrameKinds.Target;

    /// <summary>The innermost project frame is the target or another project file: the code the test called.</summary>
    public bool InCode => Origin == FailureOrigin.CodeUnderTest;

    /// <summary>Python raised it inside the target (a division, a lookup, an operator), not one of the target's <c>raise</c> statements.</summary>
    public bool ByPython => InTarget && Raw.RaisedOnPurpose == false;

    public bool Is(params string[] names) => names.Contains(Raw.ExceptionName, StringComparer.Ordinal);

    public bool IsBuiltin(params string[] names) => Raw.ExceptionModule is "builtins" && Is(names);
}
