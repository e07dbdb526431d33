using QuestMesh.Contracts;
using static QuestMesh.Fixer.Classification.FailureCategories;

namespace QuestMesh.Fixer.Classification;

/// <summary>
/// The classification rules, first match wins: each reads only the structured fields the harness reported
/// (exception type and module, frame kinds, the harness's flags), never message or traceback text.
/// </summary>
public static class FailureRules
{
    /// <summary>A name the target's own code uses and never defines: a bug whatever the call.</summary>
    private static readonly string[] NameBugs = ["NameError", "UnboundLocalError"];

    /// <summary>
    /// Exceptions Python raises inside the target for values it did not plan for: a bug only when the call fits the
    /// type hints (the search's rule too): without hints, dividing by a zero it was given is the caller's business.
    /// </summary>
    private static readonly string[] ValueBugs = ["ZeroDivisionError", "IndexError", "KeyError", "TypeError", "AttributeError"];

    private static readonly string[] FileErrors = ["FileNotFoundError", "PermissionError", "IsADirectoryError", "NotADirectoryError", "FileExistsError"];
    private static readonly string[] UnicodeErrors = ["UnicodeDecodeError", "UnicodeEncodeError", "UnicodeTranslateError", "UnicodeError"];

    public static readonly IReadOnlyList<FailureRule> All =
    [
        new(FailureCategories.Timeout, f => f.Is("Timeout")),
        new(SyntaxError, f => f.Is("SyntaxError", "IndentationError", "TabError")),
        new(FixtureMissing, f => f.Raw.Fixture is not null || f.Is("FixtureLookupError")),
        new(ImportCycle, f => f.Raw.ImportCycle),
        new(ModuleNotFound, f => f.Is("ModuleNotFoundError") || f.Raw.MissingModule is not null),
        new(CannotImportName, f => f.Raw.ImportedFrom is not null || (f.Is("ImportError") && f.Raw.MissingName is not null)),
        new(ImportError, f => f.Is("ImportError")),
        new(DjangoSettings, f => f.Raw.ExceptionType == "django.core.exceptions.ImproperlyConfigured"),
        new(DatabaseBlocked, f => f.Raw.DatabaseBlocked),
        new(FixtureError, f => f.Raw.Phase is "setup" or "teardown"),
        new(DidNotRaise, f => f.Raw.DidNotRaise),
        new(WrongException, f => f.Raw.ExpectedException is not null && !f.Is("AssertionError")),
        new(FloatMismatch, f => f.Is("AssertionError") && f.Raw.Assertion is { Op: "==", Close: true }),
        new(AssertionMismatch, f => f.Is("AssertionError") && f.Raw.Assertion is { Op: "==" }),
        new(AssertionFailed, f => f.Is("AssertionError")),
        new(Recursion, f => f.Is("RecursionError")),
        new(CallMismatch, f => f.Raw.CallMismatch && !f.InTarget),
        new(ExceptionRaised, f => f.InTarget && f.Raw.RaisedOnPurpose == true),
        new(Misuse, f => f.ByPython && f.Raw.CallFitsHints == false),
        new(TargetBug, f => f.IsTest && f.ByPython
            && (f.IsBuiltin(NameBugs) || (f.IsBuiltin(ValueBugs) && f.Raw.CallFitsHints == true)), FailureKinds.CodeBug),
        new(UnicodeError, f => f.Is(UnicodeErrors)),
        new(NameError, f => f.Is("NameError", "UnboundLocalError") && !f.InCode),
        new(AttributeError, f => f.Is("AttributeError") && (!f.InCode || f.InTarget)),
        new(TypeError, f => f.Is("TypeError") && (!f.InCode || f.InTarget)),
        new(LookupError, f => f.Is("KeyError", "IndexError") && !f.InCode),
        new(FileError, f => f.Is(FileErrors) && !f.InCode),
        new(TestError, f => f.Raw.ExceptionName.Length > 0 && f.Origin == FailureOrigin.Test),
        new(ExceptionRaised, f => f.Raw.ExceptionName.Length > 0),
    ];

    /// <summary>The first rule that applies; <see cref="Unknown"/> (a test mistake) when none does.</summary>
    public static FailureRule Match(FailureFacts facts) =>
        All.FirstOrDefault(rule => rule.Applies(facts)) ?? new FailureRule(Unknown, _ => true);
}
