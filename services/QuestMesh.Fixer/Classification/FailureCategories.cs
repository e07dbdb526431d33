namespace QuestMesh.Fixer.Classification;

/// <summary>The categories a failing test falls into (the <c>Category</c> of a <c>FixAction</c>); <see cref="FailureRules"/> decides.</summary>
public static class FailureCategories
{
    public const string Timeout = "timeout";
    public const string NoTests = "no-tests";
    public const string SyntaxError = "syntax-error";
    public const string FixtureMissing = "fixture-missing";

    /// <summary>An exception in a fixture's setup or teardown.</summary>
    public const string FixtureError = "fixture-error";
    public const string ImportCycle = "import-cycle";
    public const string ModuleNotFound = "module-not-found";
    public const string CannotImportName = "cannot-import-name";

    /// <summary>Another ImportError (a module that fails while it loads).</summary>
    public const string ImportError = "import-error";

    /// <summary>Django's ImproperlyConfigured: the code read settings nobody configured.</summary>
    public const string DjangoSettings = "django-settings";

    /// <summary>pytest-django's "Database access not allowed".</summary>
    public const string DatabaseBlocked = "database-blocked";

    /// <summary><c>pytest.raises</c> or <c>assertRaises</c> saw no exception.</summary>
    public const string DidNotRaise = "did-not-raise";

    /// <summary>Another exception than the expected one left a <c>pytest.raises</c> or <c>assertRaises</c> block.</summary>
    public const string WrongException = "wrong-exception";

    /// <summary>An <c>==</c> of floats that differ only by rounding.</summary>
    public const string FloatMismatch = "float-mismatch";
    public const string AssertionMismatch = "assertion-mismatch";

    /// <summary>An assertion failed that is not an equality the fixer can re-observe (<c>assert x &gt; 0</c>).</summary>
    public const string AssertionFailed = "assertion-failed";
    public const string Recursion = "recursion";

    /// <summary>A call with the wrong number of arguments or an unexpected keyword.</summary>
    public const string CallMismatch = "call-mismatch";

    /// <summary>Raised by the target on purpose (its own <c>raise</c>), or by Python inside it for values the test chose (<c>int('x')</c>).</summary>
    public const string ExceptionRaised = "exception-raised";

    /// <summary>Python raised inside the target for a call that looks valid: the target contradicts itself (kind code_bug).</summary>
    public const string TargetBug = "target-bug";

    /// <summary>Python raised inside the target for a call whose arguments the target's type hints rule out.</summary>
    public const string Misuse = "misuse";
    public const string NameError = "name-error";
    public const string AttributeError = "attribute-error";
    public const string TypeError = "type-error";

    /// <summary>A KeyError or IndexError in the test's own code.</summary>
    public const string LookupError = "lookup-error";

    /// <summary>A missing file, a folder where a file was meant, a permission, in the test's own code.</summary>
    public const string FileError = "file-error";
    public const string UnicodeError = "unicode-error";

    /// <summary>Another exception from the test's own code (or a library it called).</summary>
    public const string TestError = "test-error";
    public const string Unknown = "unknown";
}
