using QuestMesh.Python;
using QuestMesh.StaticAnalysis.Analysis;

namespace QuestMesh.StaticAnalysis.Tests.Analysis;

public class Flake8OutputTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    private static ProcessResult Result(int exitCode, string stdout, string stderr = "", bool timedOut = false) =>
        new(exitCode, stdout, stderr, timedOut, TimeSpan.FromSeconds(1), false);

    [Fact]
    public void Read_counts_issues_and_the_errors_among_them()
    {
        const string output = """
            t.py:1:1: F401 'os' imported but unused
            t.py:3:1: E302 expected 2 blank lines, found 1
            t.py:4:12: F821 undefined name 'undefined_name'
            t.py:5:5: F841 local variable 'x' is assigned to but never used
            """;

        var result = Flake8Output.Read(Result(1, output), Limit);

        result.Available.ShouldBeTrue();
        result.IssueCount.ShouldBe(4);
        result.ErrorCount.ShouldBe(1);
        result.ExitCode.ShouldBe(1);
        result.Output.ShouldContain("F821");
        result.Findings[2].ShouldBe(new QuestMesh.Contracts.LintFinding { Line = 4, Column = 12, Code = "F821", Severity = "error", Message = "undefined name 'undefined_name'" });
        result.Findings.Count(f => f.Severity == "warning").ShouldBe(3);
    }

    [Fact]
    public void Read_syntax_error_is_an_error()
    {
        var result = Flake8Output.Read(Result(1, "s.py:1:8: E999 SyntaxError: invalid syntax\n"), Limit);

        result.ErrorCount.ShouldBe(1);
    }

    [Fact]
    public void Read_clean_file_has_no_issues()
    {
        var result = Flake8Output.Read(Result(0, ""), Limit);

        result.Available.ShouldBeTrue();
        result.IssueCount.ShouldBe(0);
    }

    [Fact]
    public void Read_missing_module_is_unavailable_with_install_hint()
    {
        var result = Flake8Output.Read(Result(1, "", "/usr/bin/python3: No module named flake8\n"), Limit);

        result.Available.ShouldBeFalse();
        result.Output.ShouldContain("apt-get install flake8");
    }

    [Fact]
    public void Read_timeout_is_unavailable()
    {
        var result = Flake8Output.Read(Result(-1, "", timedOut: true), Limit);

        result.Available.ShouldBeFalse();
        result.Output.ShouldContain("30 s");
    }

    [Fact]
    public void Read_crash_is_unavailable()
    {
        var result = Flake8Output.Read(Result(3, "", "Traceback ..."), Limit);

        result.Available.ShouldBeFalse();
        result.ExitCode.ShouldBe(3);
    }
}
