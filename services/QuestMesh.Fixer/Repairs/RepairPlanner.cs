using QuestMesh.Fixer.Classification;
using QuestMesh.Fixer.PythonText;

namespace QuestMesh.Fixer.Repairs;

/// <summary>
/// Decides, per failing test, which rule repairs it and how: module-level import fixes first (they change
/// the text the function rewrites are computed from), then at most one rewrite per test function.
/// </summary>
public sealed class RepairPlanner
{
    public RepairPlan Plan(string source, IReadOnlyList<Failure> failures, RepairContext context)
    {
        var attempts = new Dictionary<string, RepairAttempt>();
        var imports = new List<string>();
        // Several tests (or the module) can fail on one import: it is repaired once, and each of them says so.
        var byImport = new Dictionary<string, RepairAttempt>();
        foreach (var failure in failures.Where(f => f.Category == FailureCategories.ImportError))
        {
            var key = failure.MissingModule ?? $"{failure.ImportedFrom}:{failure.MissingName}";
            if (!byImport.TryGetValue(key, out var attempt))
            {
                (source, attempt) = ImportPathRepair.Apply(source, failure, context);
                byImport[key] = attempt;
                imports.AddRange(attempt.Imports);
            }
            attempts[failure.TestId] = attempt;
        }

        var rewrites = new List<FunctionRewrite>();
        var byFunction = failures
            .Where(f => f.Category != FailureCategories.ImportError)
            .GroupBy(f => f.PatchName ?? "");
        foreach (var group in byFunction)
        {
            var members = group.ToList();
            if (group.Key.Length == 0 || members.Count > 1)
            {
                foreach (var failure in members)
                    attempts[failure.TestId] = RepairAttempt.Failed(group.Key.Length == 0 ? Unrepairable(failure) : "a parametrized test: one rewrite cannot fit all its cases");
                continue;
            }
            var single = members[0];
            var attempt = Repair(single, source, context);
            attempts[single.TestId] = attempt;
            if (attempt.FunctionCode is not null)
                rewrites.Add(new FunctionRewrite(attempt.FunctionName!, attempt.FunctionCode));
            if (attempt.Repaired)
                imports.AddRange(attempt.Imports);
        }
        return new RepairPlan(source, rewrites, imports.Distinct().ToList(), attempts);
    }

    private static RepairAttempt Repair(Failure failure, string source, RepairContext context)
    {
        if (failure.Category is FailureCategories.AssertionMismatch or FailureCategories.ExceptionRaised
            && FunctionLocation.Find(source, failure.PatchName!) is null)
            return RepairAttempt.Failed($"no function {failure.PatchName} in the suite");
        return failure.Category switch
        {
            FailureCategories.AssertionMismatch => AssertionValueRepair.TryRepair(failure, FunctionLocation.Find(source, failure.PatchName!)!),
            FailureCategories.ExceptionRaised => ExpectedExceptionRepair.TryRepair(failure, FunctionLocation.Find(source, failure.PatchName!)!, source, context),
            FailureCategories.NameError => MissingNameImportRepair.TryRepair(failure, context),
            _ => RepairAttempt.Failed(Unrepairable(failure)),
        };
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
}
