using QuestMesh.Contracts;

namespace QuestMesh.Fixer.Classification;

/// <summary>One failing test (or the module's collection error) as the classifier understood it.</summary>
public sealed record Failure
{
    /// <summary>The test's id (<c>tests/test_x.py::TestX::test_y</c>), or the suite file for a collection error.</summary>
    public required string TestId { get; init; }

    /// <summary>The name the harness <c>patch</c> command takes (<c>TestX.test_y</c>); null for a collection error.</summary>
    public string? PatchName { get; init; }

    public required string Category { get; init; }

    /// <summary>One of <see cref="FailureKinds"/>: whose mistake the failure shows.</summary>
    public string Kind { get; init; } = FailureKinds.TestMistake;

    /// <summary>Everything the harness reported about the failure (the rules and repairs read it).</summary>
    public TestFailure Facts { get; init; } = new();

    /// <summary>The exception's class name (<c>InvalidAmount</c>).</summary>
    public string? ErrorType { get; init; }

    /// <summary>The exception's qualified type as the harness gave it (<c>calc.ops.InvalidAmount</c>; built-ins bare).</summary>
    public string? ExceptionType { get; init; }

    /// <summary>The module that defines the exception class (<c>builtins</c> for built-ins).</summary>
    public string? ExceptionModule { get; init; }

    /// <summary>The first line of the error, for reports.</summary>
    public string Summary { get; init; } = "";

    public FailureOrigin Origin { get; init; }

    /// <summary>The line of the suite file the failure points at (the statement that failed or called in).</summary>
    public int? SuiteLine { get; init; }

    /// <summary>The compared operands of a failing assertion, with the observed value as a literal when it can be one.</summary>
    public AssertionOperands? Assertion { get; init; }

    /// <summary>For import errors: the module that was not found (<c>No module named 'x'</c>).</summary>
    public string? MissingModule { get; init; }

    /// <summary>For name errors, <c>cannot import name</c> and missing fixtures: the missing name.</summary>
    public string? MissingName { get; init; }

    /// <summary>For <c>cannot import name 'x' from 'm'</c>: the module it was imported from.</summary>
    public string? ImportedFrom { get; init; }

    public bool IsCollectionError => PatchName is null;

    public bool IsCodeBug => Kind == FailureKinds.CodeBug;

    /// <summary>The failing line counted from its test function's first line: comparable across runs while other tests change.</summary>
    public int? LineInTest => SuiteLine - Facts.TestFunctionLine;

    /// <summary>The target's line where Python raised it (the innermost target frame); null when it did not end in the target.</summary>
    public int? TargetLine => Facts.Frames.LastOrDefault(f => f.Kind == FrameKinds.Target)?.Line;
}
