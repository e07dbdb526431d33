using QuestMesh.Contracts;
using QuestMesh.Fixer.Classification;
using QuestMesh.Python.Harness;
using static QuestMesh.Fixer.Classification.FailureCategories;

namespace QuestMesh.Fixer.Repairs;

/// <summary>
/// Decides which harness edit repairs a failure next, knowing the edits already tried for it: module-level
/// fixes first (one per missing module or name, however many tests it broke), then at most one edit per test
/// function. A category may have a second rule for when the first did not hold (a float compared with
/// <c>pytest.approx</c>, then with the observed value). The edits themselves (and whether they can be made)
/// are the harness's: it owns the Python.
/// </summary>
public sealed class RepairPlanner
{
    public RepairPlan Plan(IReadOnlyList<Failure> failures, RepairScope scope) => Plan(failures, scope, _ => []);

    public RepairPlan Plan(IReadOnlyList<Failure> failures, RepairScope scope, Func<string, IReadOnlyList<TriedEdit>> tried)
    {
        var refused = new Dictionary<string, string>();
        var edits = new List<PlannedEdit>();
        foreach (var group in failures.Where(IsModuleLevel).GroupBy(ModuleKey))
        {
            var first = group.First();
            var (edit, reason) = ModuleEdit(first, scope);
            if (edit is { Op: var op } && group.Any(f => tried(f.TestId).Contains(new TriedEdit(op, f.Category, f.LineInTest))))
                (edit, reason) = (null, $"{op} was tried for this failure already and did not hold");
            if (edit is null)
                foreach (var failure in group)
                    refused[failure.TestId] = reason;
            else
                edits.Add(new PlannedEdit(edit, group.Select(f => f.TestId).ToList()));
        }

        foreach (var group in failures.Where(f => !IsModuleLevel(f)).GroupBy(f => f.PatchName ?? ""))
        {
            var members = group.ToList();
            if (group.Key.Length == 0 || members.Count > 1)
            {
                foreach (var failure in members)
                    refused[failure.TestId] = group.Key.Length == 0 ? Unrepairable(failure) : "a parametrized test: one rewrite cannot fit all its cases";
                continue;
            }
            var single = members[0];
            var (edit, reason) = Next(single, scope, tried(single.TestId));
            if (edit is null)
                refused[single.TestId] = reason;
            else
                edits.Add(new PlannedEdit(edit, [single.TestId]));
        }
        return new RepairPlan(edits, refused);
    }

    /// <summary>The first rule of the failure's category not yet tried on this very failure, or why there is none.</summary>
    public (PatchEdit? Edit, string Reason) Next(Failure failure, RepairScope scope, IReadOnlyList<TriedEdit> tried)
    {
        var candidates = Candidates(failure, scope);
        if (candidates.Count == 0)
            return (null, Unrepairable(failure));
        var used = candidates.Where(c => c.Edit is not null && tried.Contains(new TriedEdit(c.Edit.Op, failure.Category, failure.LineInTest))).ToList();
        var next = candidates.Except(used).FirstOrDefault(c => c.Edit is not null);
        if (next.Edit is not null)
            return next;
        return used.Count > 0
            ? (null, $"no other rule applies: {string.Join(", ", used.Select(c => c.Edit!.Op))} did not hold")
            : (null, candidates[0].Reason);
    }

    private static bool IsModuleLevel(Failure failure) =>
        failure.Category is ModuleNotFound or CannotImportName or ImportError or DjangoSettings;

    private static string ModuleKey(Failure failure) =>
        failure.Category == DjangoSettings ? DjangoSettings : failure.MissingModule ?? $"{failure.ImportedFrom}:{failure.MissingName}";

    private static (PatchEdit? Edit, string Reason) ModuleEdit(Failure failure, RepairScope scope)
    {
        if (failure.Category == DjangoSettings)
            return (new PatchEdit("configure_django"), "");
        if (failure.MissingModule is null && failure.MissingName is null)
            return (null, "the import error names no module or name");
        return (new PatchEdit("fix_import")
        {
            ProjectDir = scope.ProjectDir, TargetFile = scope.TargetFile, TestFile = scope.SuiteFile,
            MissingModule = failure.MissingModule,
            MissingName = failure.MissingModule is null ? failure.MissingName : null,
            ImportedFrom = failure.MissingModule is null ? failure.ImportedFrom : null,
        }, "");
    }

    private static List<(PatchEdit? Edit, string Reason)> Candidates(Failure failure, RepairScope scope) => failure.Category switch
    {
        AssertionMismatch => [ExpectedValue(failure)],
        FloatMismatch => [Approx(failure), ExpectedValue(failure)],
        ExceptionRaised => [ExpectedException(failure)],
        UnicodeError when failure.Origin == FailureOrigin.CodeUnderTest => [ExpectedException(failure)],
        WrongException => [OtherExpectedException(failure)],
        NameError when failure.MissingName is { Length: > 0 } name =>
        [
            (new PatchEdit("import_from_target") { Name = name, ProjectDir = scope.ProjectDir, TargetFile = scope.TargetFile }, ""),
            (new PatchEdit("import_module") { Name = name }, ""),
        ],
        DatabaseBlocked when failure.PatchName is { } test => [(new PatchEdit("mark_django_db") { Name = test }, "")],
        _ => [],
    };

    /// <summary>The code under test is the reference: the value it gave replaces the literal the test guessed.</summary>
    private static (PatchEdit?, string) ExpectedValue(Failure failure)
    {
        if (failure.Assertion is not { } assertion)
            return (null, "the failure shows no `actual == expected` comparison to re-observe");
        if (failure.SuiteLine is not { } line)
            return (null, $"the failing assertion was not found in {failure.PatchName}");
        if (assertion.ExpectedSide is not { } side)
            return (null, $"line {line} does not compare a call with one literal expected value");
        if (assertion.Observed is not { } observed)
            return (null, $"the observed value `{Shorten(side == "left" ? assertion.Right : assertion.Left)}` cannot be written as a literal");
        return (new PatchEdit("replace_expected") { Name = failure.PatchName, Line = line, Value = observed }, "");
    }

    /// <summary>Floats equal but for rounding: the expected literal stays, compared with <c>pytest.approx</c>.</summary>
    private static (PatchEdit?, string) Approx(Failure failure) =>
        failure.SuiteLine is { } line && failure.Assertion?.ExpectedSide is not null
            ? (new PatchEdit("approx_expected") { Name = failure.PatchName, Line = line }, "")
            : (null, "the comparison has no literal expected value to compare approximately");

    /// <summary>The code under test raised where the test expected a value: that exception becomes the expectation.</summary>
    private static (PatchEdit?, string) ExpectedException(Failure failure)
    {
        if (failure.Origin != FailureOrigin.CodeUnderTest || failure.ExceptionType is not { Length: > 0 } type)
            return (null, "the exception was not raised by the code under test");
        if (failure.SuiteLine is not { } line)
            return (null, $"the statement that raised was not found in {failure.PatchName}");
        return (new PatchEdit("expect_raises") { Name = failure.PatchName, Line = line, Exception = type, ExceptionModule = failure.ExceptionModule }, "");
    }

    /// <summary>The test expected one exception and the code raised another on purpose: the block expects that one.</summary>
    private static (PatchEdit?, string) OtherExpectedException(Failure failure)
    {
        if (failure.Origin != FailureOrigin.CodeUnderTest || failure.ExceptionType is not { Length: > 0 } type)
            return (null, $"the test's own code raised {failure.ErrorType} inside the block that expects {failure.Facts.ExpectedException}");
        if (failure.Facts.RaisedOnPurpose == false && failure.Facts.ExceptionModule == "builtins")
            return (null, $"Python raised {failure.ErrorType} inside the target, not one of its `raise` statements: expecting it would pin what may be a bug");
        if (failure.SuiteLine is not { } line)
            return (null, $"the statement that raised was not found in {failure.PatchName}");
        return (new PatchEdit("replace_raises") { Name = failure.PatchName, Line = line, Exception = type, ExceptionModule = failure.ExceptionModule }, "");
    }

    /// <summary>Why no rule applies, in words for the report.</summary>
    public static string Unrepairable(Failure failure) => failure.Category switch
    {
        FixtureMissing => $"fixture '{failure.MissingName ?? "?"}' does not exist and no rule invents fixtures",
        FixtureError => "a fixture of the test failed; no rule repairs fixtures",
        AttributeError => "the test uses an attribute the code does not have",
        TypeError => "the test gives the code a value of a type it cannot work with",
        CallMismatch => "the test calls the code with arguments it does not accept",
        Misuse => "the test calls the code with arguments its type hints rule out",
        TargetBug => "Python raised it inside the target for a call that looks valid: a possible bug, not a test to repair",
        FailureCategories.Timeout => "the test did not finish within the time limit",
        Recursion => "the call recursed without end",
        AssertionFailed => "the assertion is not an `x == literal` comparison that can be re-observed",
        DidNotRaise => "the code raised nothing where the test expected an exception",
        SyntaxError => "the test module does not compile",
        NoTests => "the module holds no test the runner collects",
        ImportCycle => "the project's modules import each other in a cycle",
        LookupError => "the test looks up a key or index its own data does not have",
        FileError => "the test uses a file or folder that is not there",
        UnicodeError => "the test's own text or bytes do not encode or decode",
        TestError or ExceptionRaised => "an exception the test itself raised",
        _ => "no rule recognises this failure",
    };

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "...";
}
