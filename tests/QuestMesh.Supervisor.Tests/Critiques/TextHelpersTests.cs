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

    [Theory]
    [InlineData("tests/test_calc.py:7:12: undefined name 'sign'", "line 7: undefined name 'sign'")]
    [InlineData("tests/test_calc.py:2:1: 'os' imported but unused\ntests/test_calc.py:9:5: undefined name 'x'", "line 9: undefined name 'x'")]
    [InlineData("t.py:4:1: local variable 'y' defined in enclosing scope on line 2 referenced before assignment\nt.py:1:1: undefined name 'z'",
        "line 1: undefined name 'z'|line 4: local variable 'y' defined in enclosing scope on line 2 referenced before assignment")]
    [InlineData("t.py:1:1: 'os' imported but unused", "")]
    public void LintErrorRule_keeps_errors_undefined_names_first(string output, string expected)
    {
        string.Join("|", LintErrorRule.Issues(output)).ShouldBe(expected);
    }
}
