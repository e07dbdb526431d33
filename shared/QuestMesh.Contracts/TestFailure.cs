namespace QuestMesh.Contracts;

/// <summary>
/// One failure as the harness read it from the real exception: its qualified type, the frames, the
/// compared operands of a failing equality assertion, and what an import, name or fixture error is about.
/// </summary>
public record TestFailure
{
    /// <summary>The test's node id (<c>tests/test_x.py::TestX::test_y</c>), or the module's for a collection failure.</summary>
    public string NodeId { get; init; } = "";

    /// <summary>setup, call, teardown or collect.</summary>
    public string Phase { get; init; } = "call";

    /// <summary>Built-ins by their name (<c>ZeroDivisionError</c>), others qualified (<c>calc.ops.InvalidAmount</c>).</summary>
    public string ExceptionType { get; init; } = "";

    /// <summary>The class name alone (<c>InvalidAmount</c>).</summary>
    public string ExceptionName { get; init; } = "";

    /// <summary>The module that defines the exception class (<c>builtins</c> for built-ins); null when unknown.</summary>
    public string? ExceptionModule { get; init; }

    public string Message { get; init; } = "";

    /// <summary>From the first project frame to where it was raised, innermost last.</summary>
    public IReadOnlyList<FailureFrame> Frames { get; init; } = [];

    /// <summary>The <see cref="FrameKinds"/> kind of the innermost frame; null without frames.</summary>
    public string? RaisedIn { get; init; }

    /// <summary>The line of the test module the failure points at (the innermost test frame, or a syntax error's line).</summary>
    public int? TestLine { get; init; }

    public AssertionOperands? Assertion { get; init; }

    /// <summary>
    /// Raised in the target module by one of its own <c>raise</c> statements (on purpose), rather than by
    /// Python on its behalf (a division by zero, a missing key); null when the failure was not raised in the target.
    /// </summary>
    public bool? RaisedOnPurpose { get; init; }

    /// <summary>A TypeError whose message says a call's arguments did not fit the signature.</summary>
    public bool CallMismatch { get; init; }

    /// <summary><c>pytest.raises</c> saw no exception.</summary>
    public bool DidNotRaise { get; init; }

    public string? MissingModule { get; init; }
    public string? MissingName { get; init; }

    /// <summary>For <c>cannot import name 'x' from 'm'</c>: the module <c>m</c>.</summary>
    public string? ImportedFrom { get; init; }

    /// <summary>A fixture that does not exist.</summary>
    public string? Fixture { get; init; }

    /// <summary>The qualified name (<c>Cart.total</c>) of the target function the test called: the outermost target frame's.</summary>
    public string? TargetFunction { get; init; }

    /// <summary>The text of the test's call into <see cref="TargetFunction"/> (<c>average([])</c>); null when not found.</summary>
    public string? TargetCall { get; init; }

    /// <summary>
    /// That call's arguments checked against the function's type hints: false when one does not fit, true when
    /// every hinted one does, null without hints or when a hint cannot be checked at run time.
    /// </summary>
    public bool? CallFitsHints { get; init; }

    /// <summary>The first line of the innermost test frame's function: <see cref="TestLine"/> minus it stays put when other tests change.</summary>
    public int? TestFunctionLine { get; init; }

    /// <summary>The exception a <c>pytest.raises</c> / <c>assertRaises</c> block around the failing statement expected, as written; another one left it.</summary>
    public string? ExpectedException { get; init; }

    /// <summary>pytest-django's "Database access not allowed".</summary>
    public bool DatabaseBlocked { get; init; }

    /// <summary>An ImportError from a partially initialised module: an import cycle.</summary>
    public bool ImportCycle { get; init; }
}
