using QuestMesh.Contracts;
using QuestMesh.Supervisor.Critiques;
using QuestMesh.Supervisor.Critiques.Rules;

namespace QuestMesh.Supervisor.Tests.Critiques;

public class TextHelpersTests
{
    [Theory]
    [InlineData(new int[0], "")]
    [InlineData(new[] { 3 }, "line 3")]
    [InlineData(new[] { 5, 3, 4, 9 }, "lines 3-5|line 9")]
    [InlineData(new[] { 1, 1, 2 }, "lines 1-2")]
    public void LineRanges_groups_consecutive_lines(int[] lines, string expected)
    {
        string.Join("|", LineRanges.Group(lines).Select(LineRanges.Format)).ShouldBe(expected);
    }

    private static LintFinding Finding(int line, string code, string severity, string message) =>
        new() { Line = line, Column = 1, Code = code, Severity = severity, Message = message };

    [Fact]
    public void LintErrorRule_keeps_errors_undefined_names_first()
    {
        LintFinding[] findings =
        [
            Finding(2, "UnusedImport", "warning", "'os' imported but unused"),
            Finding(4, "UndefinedLocal", "error", "local variable 'y' defined in enclosing scope on line 2 referenced before assignment"),
            Finding(9, "UndefinedName", "error", "undefined name 'x'"),
        ];

        LintErrorRule.Issues(findings).ShouldBe(
            ["line 9: undefined name 'x'", "line 4: local variable 'y' defined in enclosing scope on line 2 referenced before assignment"]);
        LintErrorRule.Issues([findings[0]]).ShouldBeEmpty();
    }
}
