namespace QuestMesh.Contracts;

/// <summary>One repair attempt of a failing test: the edit, what the run after it showed, and why it did not hold.</summary>
public record FixAttempt
{
    /// <summary>1, 2, 3: the attempt's number for this test.</summary>
    public int Number { get; init; }

    /// <summary>The harness edit (<c>replace_expected</c>, <c>expect_raises</c>, …).</summary>
    public string Op { get; init; } = "";

    /// <summary>What the edit did, in words (or what it would have done, for a refused one).</summary>
    public string Edit { get; init; } = "";

    /// <summary>One of <see cref="FixAttemptResults"/>.</summary>
    public string Result { get; init; } = "";

    /// <summary>Why it did not hold: the failure after it, or the harness's refusal; null when it held.</summary>
    public string? Why { get; init; }
}

/// <summary>Values of <see cref="FixAttempt.Result"/>.</summary>
public static class FixAttemptResults
{
    /// <summary>The test passed after it.</summary>
    public const string Held = "held";

    /// <summary>The test got further (a later statement failed, or another failure showed): kept, and the next attempt builds on it.</summary>
    public const string Progressed = "progressed";

    /// <summary>The test still failed the same way (or the module stopped loading): the test was put back as it was before the attempt.</summary>
    public const string RolledBack = "rolled-back";

    /// <summary>A module-level edit (an import, Django settings) after which the test still failed the same way; it stays for the others.</summary>
    public const string DidNotHold = "did-not-hold";

    /// <summary>The harness could not make the edit; nothing changed.</summary>
    public const string Refused = "refused";

    /// <summary>The suite was not run again after it.</summary>
    public const string NotValidated = "not-validated";
}
