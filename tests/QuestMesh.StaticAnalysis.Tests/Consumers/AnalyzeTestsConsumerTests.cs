using QuestMesh.Contracts;
using QuestMesh.Tests.Shared;

namespace QuestMesh.StaticAnalysis.Tests.Consumers;

public sealed class AnalyzeTestsConsumerTests : IAsyncLifetime
{
    private static readonly bool Flake8Installed = Directory.Exists("/usr/lib/python3/dist-packages/flake8");
    private ServiceTestHost _host = null!;

    public async Task InitializeAsync() => _host = await ServiceTestHost.StartAsync(b => b.AddStaticAnalysis());

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static AnalyzeTests Command(string suite, LlmMetadata? metadata = null) => new()
    {
        RunId = Guid.NewGuid(),
        Attempt = 0,
        StepId = Guid.NewGuid(),
        Source = new SourceSpec { Kind = SourceKinds.Inline, Files = [new InlineFile("calc.py", PythonProject.Calc)] },
        TargetFile = "calc.py",
        Suite = new TestSuite("tests/test_calc.py", suite),
        Metadata = metadata,
    };

    private async Task<TestsAnalyzed> AnalyzeAsync(AnalyzeTests command)
    {
        await _host.Harness.Bus.Publish(command);
        return await _host.ReplyAsync<TestsAnalyzed, AnalyzeTests>(r => r.StepId == command.StepId);
    }

    [Fact]
    public async Task Should_rate_a_clean_suite_high()
    {
        var command = Command(PythonProject.PassingSuite + "\n");

        var reply = await AnalyzeAsync(command);

        reply.RunId.ShouldBe(command.RunId);
        reply.Report.SyntaxOk.ShouldBeTrue();
        reply.Report.TestCount.ShouldBe(2);
        reply.Report.FunctionCount.ShouldBe(2);
        reply.Report.Linters["pyflakes"].Available.ShouldBeTrue();
        reply.Report.Linters["pyflakes"].IssueCount.ShouldBe(0);
        reply.Report.Linters.Keys.ShouldContain("flake8");
        if (Flake8Installed)
            reply.Report.Linters["flake8"].Available.ShouldBeTrue(reply.Report.Linters["flake8"].Output);
        reply.Report.Linters["pylint"].IssueCount.ShouldBe(0, reply.Report.Linters["pylint"].Output);
        reply.Reliability.Level.ShouldBe(PreReliability.High);
        reply.Reliability.Rationale.ShouldContain("2 test(s)");
    }

    [Theory]
    [InlineData("flake8.py")]
    [InlineData("pyflakes.py")]
    [InlineData("json.py")]
    public async Task Should_never_run_a_suite_named_like_a_module_the_linters_import(string fileName)
    {
        // The suite's text is untrusted: were it imported while it is linted, it would run outside the sandbox.
        var marker = Path.Combine(Path.GetTempPath(), $"qm-static-ran-{Guid.NewGuid():N}");
        var code = $"open('{marker}', 'w').close()\n";
        var command = Command(code) with { Suite = new TestSuite(fileName, code) };

        var reply = await AnalyzeAsync(command);

        reply.Report.SyntaxOk.ShouldBeTrue();
        File.Exists(marker).ShouldBeFalse($"linting {fileName} ran its code");
        if (Flake8Installed)
            reply.Report.Linters["flake8"].Available.ShouldBeTrue(reply.Report.Linters["flake8"].Output);
        reply.Report.Linters["pylint"].IssueCount.ShouldBe(0, reply.Report.Linters["pylint"].Output);
    }

    [Fact]
    public async Task Should_rate_a_syntax_error_low_and_say_where_it_is()
    {
        var reply = await AnalyzeAsync(Command("def test_broken(:\n    pass\n"));

        reply.Report.SyntaxOk.ShouldBeFalse();
        reply.Report.SyntaxError.ShouldNotBeNull().ShouldContain("line 1");
        reply.Reliability.Level.ShouldBe(PreReliability.Low);
        reply.Reliability.Rationale.ShouldContain("syntax error");
    }

    [Fact]
    public async Task Should_rate_undefined_names_low()
    {
        var reply = await AnalyzeAsync(Command("def test_a():\n    assert undefined_helper() == 1\n"));

        reply.Report.SyntaxOk.ShouldBeTrue();
        reply.Report.Linters["pyflakes"].ErrorCount.ShouldBe(1);
        reply.Reliability.Level.ShouldBe(PreReliability.Low);
        reply.Reliability.Rationale.ShouldContain("undefined names");
    }

    [Fact]
    public async Task Should_report_pylint_and_flake8_mccabe_findings_with_positions_and_mypy_as_switched_off()
    {
        const string suite = "import os\nfrom calc import classify\n\n\ndef test_a(n=3):\n    unused = 1\n"
            + "    if n > 0:\n        if n > 1:\n            if n > 2:\n                if n > 3:\n                    if n > 4:\n"
            + "                        if n > 5:\n                            if n > 6:\n                                if n > 7:\n"
            + "                                    if n > 8:\n                                        if n > 9:\n"
            + "                                            assert classify(n)\n";

        var reply = await AnalyzeAsync(Command(suite));

        reply.Report.SuiteFile.ShouldBe("tests/test_calc.py");
        var pylint = reply.Report.Linters["pylint"];
        pylint.Available.ShouldBeTrue(pylint.Output);
        pylint.Findings.Select(f => (f.Code, f.Line, f.Severity)).ShouldBe(
            [("unused-import", 1, "warning"), ("unused-variable", 6, "warning")], ignoreOrder: true);
        pylint.IssueCount.ShouldBe(2);
        var flake8 = reply.Report.Linters["flake8"];
        flake8.Available.ShouldBeTrue(flake8.Output);
        flake8.Findings.ShouldContain(f => f.Code == "C901" && f.Line == 5 && f.Column == 1 && f.Message.Contains("'test_a' is too complex"));
        var mypy = reply.Report.Linters["mypy"];
        (mypy.Available, mypy.Output, mypy.Findings.Count).ShouldBe((false, "mypy is switched off", 0));
    }

    [Fact]
    public async Task Should_rate_a_suite_without_tests_medium()
    {
        var reply = await AnalyzeAsync(Command("from calc import classify\n\n\nVALUE = classify(1)\n"));

        reply.Report.TestCount.ShouldBe(0);
        reply.Reliability.Level.ShouldBe(PreReliability.Medium);
    }

    [Fact]
    public async Task Should_cap_the_level_by_the_models_entropy()
    {
        var reply = await AnalyzeAsync(Command(PythonProject.PassingSuite + "\n", new LlmMetadata { Strategy = "llm", Entropy = 0.7 }));

        reply.Reliability.Level.ShouldBe(PreReliability.Medium);
        reply.Reliability.Entropy.ShouldBe(0.7);
    }

    [Fact]
    public async Task Should_answer_a_redelivered_step_once_without_analysing_again()
    {
        var command = Command(PythonProject.PassingSuite + "\n");
        var first = await AnalyzeAsync(command);

        await _host.Harness.Bus.Publish(command);
        var second = await _host.ReplyAsync<TestsAnalyzed, AnalyzeTests>(r => r.StepId == command.StepId, skip: 1);

        second.DurationSeconds.ShouldBe(first.DurationSeconds);
        second.Reliability.ShouldBe(first.Reliability);
    }
}
