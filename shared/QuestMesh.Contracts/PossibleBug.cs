namespace QuestMesh.Contracts;

/// <summary>
/// Behaviour of the target that contradicts its own contract, with the input that shows it: an exception
/// Python raised inside the target's code (not a <c>raise</c> statement of its own) for a call the target's
/// type hints, docstring or doctest examples say should give a result, a docstring example that does not
/// hold, or a failing test the fixer classified as <c>code_bug</c>. Never asserted as expected in a suite;
/// reported in <c>findings.json</c>, <c>findings.sarif</c> and the run's summary.
/// </summary>
public record PossibleBug
{
    /// <summary>The function or method, qualified inside the target module (<c>average</c>, <c>Cart.total</c>).</summary>
    public string Function { get; init; } = "";

    /// <summary>The call that shows it, as Python (<c>average([])</c>).</summary>
    public string Call { get; init; } = "";

    /// <summary>What happened: the exception type (<c>ZeroDivisionError</c>), or <c>wrong-result</c> (<see cref="WrongResult"/>) for a docstring example that does not hold.</summary>
    public string Outcome { get; init; } = "";

    /// <summary>The exception's message, or for a wrong result what the example expected and what came back.</summary>
    public string Message { get; init; } = "";

    /// <summary>The target's line where the exception was raised (or the function's first line); null when unknown.</summary>
    public int? Line { get; init; }

    /// <summary>Why it contradicts the contract: "its type hints accept these arguments and promise float", "the docstring's example shows 2.5".</summary>
    public string Evidence { get; init; } = "";

    /// <summary>Who found it: one of <see cref="PossibleBugSources"/>.</summary>
    public string FoundBy { get; init; } = PossibleBugSources.Search;

    /// <summary>For <see cref="PossibleBugSources.Fixer"/>: the failing test's node id, removed from the suite.</summary>
    public string? Test { get; init; }

    /// <summary>The <see cref="Outcome"/> of an example whose result differs from the one it shows.</summary>
    public const string WrongResult = "wrong-result";

    /// <summary>One line a person reads: "possible bug: average([]) raises ZeroDivisionError; the docstring says …".</summary>
    public string Describe() => Outcome == WrongResult
        ? $"possible bug: {Call} {Message}; {Evidence}"
        : $"possible bug: {Call} raises {Outcome}{(Message.Length > 0 ? $" ({Message})" : "")}; {Evidence}";
}

/// <summary>Where a <see cref="PossibleBug"/> came from.</summary>
public static class PossibleBugSources
{
    /// <summary>The offline search called the function with inputs its hints allow.</summary>
    public const string Search = "search";

    /// <summary>A docstring example run as written.</summary>
    public const string Doctest = "doctest";

    /// <summary>A failing generated test the fixer classified as <c>code_bug</c>.</summary>
    public const string Fixer = "fixer";
}
