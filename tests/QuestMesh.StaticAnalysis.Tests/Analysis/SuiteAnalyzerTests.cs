using QuestMesh.StaticAnalysis.Analysis;

namespace QuestMesh.StaticAnalysis.Tests.Analysis;

public class SuiteAnalyzerTests
{
    [Theory]
    [InlineData("tests/test_calc.py", "test_calc.py")]
    [InlineData("../../etc/test_x.py", "test_x.py")]
    [InlineData("tests\\test_win.py", "test_win.py")]
    [InlineData("tests/", "test_suite.py")]
    [InlineData(".py", "test_suite.py")]
    [InlineData("notes.txt", "test_suite.py")]
    public void SafeFileName_keeps_only_a_python_file_name(string given, string expected)
    {
        SuiteAnalyzer.SafeFileName(given).ShouldBe(expected);
    }
}
