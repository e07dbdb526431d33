using QuestMesh.Contracts;

namespace QuestMesh.Generator.Tasks;

/// <summary>
/// One run of a test module against the task's source: each test's outcome with the source lines it
/// executed (coverage.py's per-test contexts), or why the module did not load.
/// </summary>
public sealed record ModuleRun(string? LoadError, IReadOnlyList<TestRunResult> Tests, double CoveragePercent)
{
    public static ModuleRun NotLoaded(string error) => new(error, [], 0);

    /// <summary>The results of the named top-level tests (a class's methods, a parametrised test's cases included).</summary>
    public IReadOnlyList<TestRunResult> Of(IEnumerable<string> names)
    {
        var wanted = names.ToHashSet(StringComparer.Ordinal);
        return Tests.Where(t => t.Id.Split("::").Skip(1).Any(part => wanted.Contains(part) || wanted.Contains(part.Split('[')[0]))).ToList();
    }
}

/// <summary>One test as it ran: <see cref="Failure"/> says why when it did not pass.</summary>
public sealed record TestRunResult(string Id, string Outcome, string? Failure, IReadOnlyList<int> Lines)
{
    public bool Passed => Outcome == "passed";

    public static string Describe(TestOutcome test)
    {
        var detail = string.Join(": ", new[] { test.ErrorType, Shorten(test.Message) }.Where(s => !string.IsNullOrWhiteSpace(s)));
        return detail.Length == 0 ? $"{test.Name} {test.Outcome}" : $"{test.Name} {test.Outcome}: {detail}";
    }

    public static string Shorten(string? text)
    {
        text = (text ?? "").Trim();
        return text.Length <= 300 ? text : text[..300] + "…";
    }
}
