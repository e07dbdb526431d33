namespace QuestMesh.Fixer.Classification;

/// <summary>The categories a failing test falls into (the <c>Category</c> of a <c>FixAction</c>).</summary>
public static class FailureCategories
{
    public const string ImportError = "import-error";
    public const string NameError = "name-error";
    public const string AttributeError = "attribute-error";
    public const string FixtureMissing = "fixture-missing";
    public const string AssertionMismatch = "assertion-mismatch";

    /// <summary>An assertion failed that is not an equality the fixer can re-observe (<c>assert x &gt; 0</c>).</summary>
    public const string AssertionFailed = "assertion-failed";

    /// <summary><c>pytest.raises</c> or <c>assertRaises</c> saw no exception.</summary>
    public const string DidNotRaise = "did-not-raise";
    public const string TypeError = "type-error";
    public const string SyntaxError = "syntax-error";
    public const string Timeout = "timeout";
    public const string ExceptionRaised = "exception-raised";
    public const string NoTests = "no-tests";
    public const string Unknown = "unknown";
}
