namespace QuestMesh.Generator.Tasks;

/// <summary>
/// A test that might be recommended: the tests named <see cref="TestNames"/> in <see cref="Module"/> (a
/// whole test module: imports, helpers, tests), where it came from, and what it is meant to show.
/// </summary>
public sealed record TaskCandidate(IReadOnlyList<string> TestNames, string Module, string Scenario, string Origin)
{
    public bool Repaired { get; init; }

    public string Label => string.Join(", ", TestNames);

    /// <summary>A test's name as a scenario: <c>test_divide_by_zero_raises</c> → <c>divide by zero raises</c>.</summary>
    public static string ScenarioOf(string testName)
    {
        var words = testName.StartsWith("test_", StringComparison.Ordinal) ? testName[5..]
            : testName.StartsWith("Test", StringComparison.Ordinal) ? testName[4..]
            : testName;
        words = words.Replace('_', ' ').Trim();
        return words.Length == 0 ? testName : words;
    }
}

/// <summary>A candidate after its run: passed (every one of its tests), the lines it executed, or why it failed.</summary>
public sealed record JudgedCandidate(TaskCandidate Candidate, bool Passed, string? Failure, IReadOnlyList<int> Lines)
{
    public static JudgedCandidate From(TaskCandidate candidate, ModuleRun run)
    {
        if (run.LoadError is { } error)
            return new JudgedCandidate(candidate, false, error, []);
        var results = run.Of(candidate.TestNames);
        if (results.Count == 0)
            return new JudgedCandidate(candidate, false, $"{candidate.Label} did not run (not collected as a test)", []);
        var failed = results.FirstOrDefault(r => !r.Passed);
        return new JudgedCandidate(candidate, failed is null, failed?.Failure,
            results.SelectMany(r => r.Lines).Distinct().Order().ToList());
    }
}
