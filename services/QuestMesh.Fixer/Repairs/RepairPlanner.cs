using QuestMesh.Contracts;
using QuestMesh.Fixer.Classification;
using QuestMesh.Python.Harness;

namespace QuestMesh.Fixer.Repairs;

/// <summary>
/// Decides, per failing test, which rule repairs it and with which harness edit: import fixes first (one per
/// missing module or name, however many tests it broke), then at most one edit per test function. The edits
/// themselves (and whether they can be made) are the harness's: it owns the Python.
/// </summary>
public sealed class RepairPlanner
{
    public RepairPlan Plan(IReadOnlyList<Failure> failures, RepairScope scope)
    {
        var refused = new Dictionary<string, RepairAttempt>();
        var edits = new List<PlannedEdit>();
        foreach (var group in failures.Where(f => f.Category == FailureCategories.ImportError)
                     .GroupBy(f => f.MissingModule ?? $"{f.ImportedFrom}:{f.MissingName}"))
        {
            var first = group.First();
            if (first.MissingModule is null && first.MissingName is null)
            {
                foreach (var failure in group)
                    refused[failure.TestId] = RepairAttempt.Failed("the import error names no module or name");
                continue;
            }
            edits.Add(new PlannedEdit(new PatchEdit("fix_import")
            {
                ProjectDir = scope.ProjectDir, TargetFile = scope.TargetFile, TestFile = scope.SuiteFile,
                MissingModule = first.MissingModule,
                MissingName = first.MissingModule is null ? first.MissingName : null,
                ImportedFrom = first.MissingModule is null ? first.ImportedFrom : null,
            }, group.Select(f => f.TestId).ToList()));
        }

        foreach (var group in failures.Where(f => f.Category != FailureCategories.ImportError).GroupBy(f => f.PatchName ?? ""))
        {
            var members = group.ToList();
            if (group.Key.Length == 0 || members.Count > 1)
            {
                foreach (var failure in members)
                    refused[failure.TestId] = RepairAttempt.Failed(group.Key.Length == 0 ? Unrepairable(failure) : "a parametrized test: one rewrite cannot fit all its cases");
                continue;
            }
            var single = members[0];
            var (edit, reason) = EditFor(single, scope);
            if (edit is null)
                refused[single.TestId] = RepairAttempt.Failed(reason);
            else
                edits.Add(new PlannedEdit(edit, [single.TestId]));
        }
        return new RepairPlan(edits, refused);
    }

    private static (PatchEdit? Edit, string Reason) EditFor(Failure failure, RepairScope scope) => failure.Category switch
    {
        FailureCategories.AssertionMismatch => ExpectedValue(failure),
        FailureCategories.ExceptionRaised => ExpectedException(failure),
        FailureCategories.NameError => failure.MissingName is { Length: > 0 } name
            ? (new PatchEdit("import_from_target") { Name = name, ProjectDir = scope.ProjectDir, TargetFile = scope.TargetFile }, "")
            : (null, "the undefined name is not known"),
        _ => (null, Unrepairable(failure)),
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

    /// <summary>The code under test raised where the test expected a value: that exception becomes the expectation.</summary>
    private static (PatchEdit?, string) ExpectedException(Failure failure)
    {
        if (failure.Origin != FailureOrigin.CodeUnderTest || failure.ExceptionType is not { Length: > 0 } type)
            return (null, "the exception was not raised by the code under test");
        if (failure.SuiteLine is not { } line)
            return (null, $"the statement that raised was not found in {failure.PatchName}");
        return (new PatchEdit("expect_raises") { Name = failure.PatchName, Line = line, Exception = type, ExceptionModule = failure.ExceptionModule }, "");
    }

    /// <summary>Why no rule applies, in words for the report.</summary>
    public static string Unrepairable(Failure failure) => failure.Category switch
    {
        FailureCategories.FixtureMissing => $"fixture '{failure.MissingName ?? "?"}' does not exist and no rule invents fixtures",
        FailureCategories.AttributeError => "the test uses an attribute the code does not have",
        FailureCategories.TypeError => "the test calls the code with arguments it does not accept",
        FailureCategories.Timeout => "the test did not finish within the time limit",
        FailureCategories.AssertionFailed => "the assertion is not an `x == literal` comparison that can be re-observed",
        FailureCategories.DidNotRaise => "the code raised nothing where the test expected an exception",
        FailureCategories.SyntaxError => "the test module does not compile",
        FailureCategories.NoTests => "the module holds no test the runner collects",
        FailureCategories.ExceptionRaised => "an exception the test itself raised",
        _ => "no rule recognises this failure",
    };

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "...";
}
