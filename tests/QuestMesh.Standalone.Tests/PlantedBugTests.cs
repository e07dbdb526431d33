using System.Text.Json;
using QuestMesh.Standalone.Cli;

namespace QuestMesh.Standalone.Tests;

/// <summary>
/// A module with planted bugs (written here: a mean that divides by zero on the empty list its docstring
/// promises 0.0 for, and a median whose own docstring example does not hold): the run reports both with the
/// input that shows each, in findings.json and the printed summary, and no test of the suite asserts either.
/// </summary>
public sealed class PlantedBugTests : IDisposable
{
    private readonly TempProject _project = new();
    private string Output => Path.Combine(_project.Root, "out");

    public PlantedBugTests() => _project.Write("stats.py", """"
        def average(values: list[float]) -> float:
            """Return the arithmetic mean of values; an empty list gives 0.0."""
            total = 0.0
            for value in values:
                total += value
            return total / len(values)


        def median(values: list[int]) -> float:
            """The middle value.

            >>> median([4, 1, 3, 2])
            2.5
            """
            ordered = sorted(values)
            return ordered[len(ordered) // 2]


        def clamp(value: int, low: int, high: int) -> int:
            if value < low:
                return low
            if value > high:
                return high
            return value
        """");

    public void Dispose() => _project.Dispose();

    [Fact]
    public async Task Run_ReportsPlantedBugsWithTheirInputsAndPinsNoneOfThem()
    {
        var console = new CliConsole();

        var code = await CliApp.RunAsync(
            ["run", _project.Project, "--file", "stats.py", "--out", Output, "--budget", "5", "--max-attempts", "1"],
            console.Console, CancellationToken.None);

        code.ShouldBeOneOf(ExitCodes.TargetsMet, ExitCodes.BelowTarget);
        var printed = console.Output.Replace("\n", " ", StringComparison.Ordinal);
        printed.ShouldContain("possible bug: average([]) raises ZeroDivisionError");
        printed.ShouldContain("possible bug: median([4, 1, 3, 2]) gives 3; the docstring's example shows 2.5");

        using var findings = JsonDocument.Parse(File.ReadAllText(Path.Combine(Output, "findings.json")));
        var bugs = findings.RootElement.GetProperty("possible_bugs").EnumerateArray()
            .ToDictionary(b => b.GetProperty("call").GetString()!, b => b);
        bugs["average([])"].GetProperty("outcome").GetString().ShouldBe("ZeroDivisionError");
        bugs["average([])"].GetProperty("line").GetInt32().ShouldBe(6);
        bugs["average([])"].GetProperty("evidence").GetString().ShouldNotBeNull().ShouldContain("an empty list gives 0.0");
        bugs["median([4, 1, 3, 2])"].GetProperty("found_by").GetString().ShouldBe("doctest");
        File.ReadAllText(Path.Combine(Output, "findings.sarif")).ShouldContain("possible-bug/ZeroDivisionError");

        var suite = File.ReadAllText(Directory.GetFiles(Path.Combine(Output, "final"), "*.py", SearchOption.AllDirectories).ShouldHaveSingleItem());
        suite.ShouldNotContain("ZeroDivisionError");
        suite.ShouldNotContain("average([])");
        suite.ShouldNotContain("median([4, 1, 3, 2])");
        suite.ShouldContain("clamp(");
    }
}
