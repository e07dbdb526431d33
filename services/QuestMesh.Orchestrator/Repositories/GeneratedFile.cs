namespace QuestMesh.Orchestrator.Repositories;

/// <summary>A generated test module as it goes into the repository: <see cref="TestFile"/> relative to the Python root.</summary>
public sealed record GeneratedFile(string TestFile, string Source, ModuleOutcome Origin);

/// <summary>A generated test left out of the combined suite (<see cref="Test"/> null: the whole file), and why.</summary>
public sealed record DroppedTest(string TestFile, string? Test, string Reason);

/// <summary>
/// Where each module run's suite goes: <c>tests/generated/test_&lt;module&gt;.py</c>, its name unlike every existing
/// test module's (pytest imports test modules outside packages by their file name, so two of one name clash).
/// </summary>
public static class GeneratedTestNames
{
    public const string Folder = "tests/generated";

    public static IReadOnlyList<GeneratedFile> Place(IEnumerable<ModuleOutcome> outcomes, IEnumerable<string> existingTests)
    {
        var taken = existingTests.Select(Path.GetFileName).ToHashSet(StringComparer.Ordinal);
        var placed = new List<GeneratedFile>();
        foreach (var outcome in outcomes)
        {
            if (outcome.Suite is null)
                continue;
            var stem = "test_" + outcome.Module.Module.Replace('.', '_');
            var name = stem + ".py";
            for (var n = 2; taken.Contains(name); n++)
                name = $"{stem}_generated{(n == 2 ? "" : n.ToString(System.Globalization.CultureInfo.InvariantCulture))}.py";
            taken.Add(name);
            placed.Add(new GeneratedFile($"{Folder}/{name}", outcome.Suite.Source, outcome));
        }
        return placed;
    }
}
