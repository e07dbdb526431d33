using Microsoft.Extensions.DependencyInjection;
using QuestMesh.Contracts;
using QuestMesh.Fixer.Fixing;
using QuestMesh.Python;
using QuestMesh.Python.Harness;
using QuestMesh.Tests.Shared;

namespace QuestMesh.Fixer.Tests.Consumers;

public sealed class FixTestsConsumerTests : IAsyncLifetime
{
    private const string Calc = """
        def add(a, b):
            return a + b


        def ratio(a, b):
            return a / b


        def scale(n: int) -> int:
            return n * 2 + len(n)
        """;

    private const string Suite = """
        from calc import add


        def test_add_wrong_expectation():
            assert add(2, 3) == 6


        def test_add_wrong_arity():
            assert add(1, 2, 3) == 6


        def test_add_passes():
            assert add(1, 1) == 2
        """;

    private readonly PythonProject _project = PythonProject.Create(("calc.py", Calc), ("src/shop/__init__.py", ""), ("src/shop/pricing.py", "def unit_price(total: float, count: int) -> float:\n    return total / count\n"));
    private ServiceTestHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await ServiceTestHost.StartAsync(b => b.AddFixer(), new Dictionary<string, string?>
        {
            ["Fixer:ExecuteTimeoutSeconds"] = "30",
        });

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _project.Dispose();
    }

    /// <summary>Runs the suite with the real harness, as the runner would have, to get the failures the fixer starts from.</summary>
    private async Task<FixTests> CommandAsync(string targetFile, string suite, Guid? stepId = null)
    {
        var path = "tests/test_fix_me.py";
        _project.Write(path, suite);
        var harness = _host.Services.GetRequiredService<HarnessClient>();
        var execution = await harness.ExecuteAsync(_project.Path, targetFile, path, TimeSpan.FromSeconds(30));
        File.Delete(Path.Combine(_project.Path, path));
        return new FixTests
        {
            RunId = Guid.NewGuid(),
            Attempt = 1,
            StepId = stepId ?? Guid.NewGuid(),
            FixRound = 1,
            Source = new SourceSpec { Kind = SourceKinds.Path, Path = _project.Path },
            TargetFile = targetFile,
            Suite = new TestSuite(path, suite),
            Execution = execution,
        };
    }

    private async Task<TestsFixed> FixAsync(FixTests command, int skip = 0)
    {
        await _host.Harness.Bus.Publish(command);
        return await _host.ReplyAsync<TestsFixed, FixTests>(r => r.StepId == command.StepId, skip);
    }

    [Fact]
    public async Task Should_repair_a_wrong_expectation_and_remove_what_no_rule_repairs()
    {
        var command = await CommandAsync("calc.py", Suite);
        command.Execution.Tests.Count(t => t.Outcome == "failed").ShouldBe(2);

        var reply = await FixAsync(command);

        reply.RunId.ShouldBe(command.RunId);
        reply.Attempt.ShouldBe(1);
        reply.Error.ShouldBeNull();
        var source = reply.Suite.ShouldNotBeNull().Source;
        source.ShouldContain("assert add(2, 3) == 5");
        source.ShouldNotContain("test_add_wrong_arity");
        source.ShouldContain("def test_add_passes():");
        reply.Report.Round.ShouldBe(1);
        reply.Report.FailingBefore.ShouldBe(2);
        reply.Report.FailingAfter.ShouldBe(0);
        reply.Report.Actions.Count.ShouldBe(2);
        var repaired = reply.Report.Actions.Single(a => a.Test.EndsWith("::test_add_wrong_expectation", StringComparison.Ordinal));
        repaired.Action.ShouldBe(FixActions.Repaired);
        repaired.Category.ShouldBe("assertion-mismatch");
        repaired.Detail.ShouldContain("`6` replaced by the observed `5`");
        var removed = reply.Report.Actions.Single(a => a.Test.EndsWith("::test_add_wrong_arity", StringComparison.Ordinal));
        removed.Action.ShouldBe(FixActions.Removed);
        (removed.Category, removed.Kind).ShouldBe(("call-mismatch", FailureKinds.TestMistake));
        removed.Detail.ShouldContain("takes 2 positional arguments but 3 were given");
        removed.Attempts.ShouldBeEmpty();
        repaired.Attempts.ShouldHaveSingleItem().Result.ShouldBe(FixAttemptResults.Held);
        reply.Report.Runs.ShouldBe(1);
        reply.PossibleBugs.ShouldBeEmpty();
        _host.WorkRoot.EnumerateFileSystemInfos().ShouldBeEmpty();
    }

    [Fact]
    public async Task Should_answer_a_redelivered_step_with_the_same_reply()
    {
        var command = await CommandAsync("calc.py", Suite);

        var first = await FixAsync(command);
        var second = await FixAsync(command, skip: 1);

        second.StepId.ShouldBe(first.StepId);
        second.DurationSeconds.ShouldBe(first.DurationSeconds);
        second.Suite.ShouldBe(first.Suite);
    }

    [Fact]
    public async Task Should_rewrite_a_wrong_import_path_then_remove_and_report_a_division_by_zero_in_the_target()
    {
        const string suite = "from pricing import unit_price\n\n\ndef test_unit_price():\n    assert unit_price(10, 4) == 2.5\n\n\ndef test_unit_price_of_nothing():\n    assert unit_price(10, 0) == 0\n";
        var command = await CommandAsync("src/shop/pricing.py", suite);
        command.Execution.TestError.ShouldNotBeNull().ShouldContain("No module named 'pricing'");

        var reply = await FixAsync(command);

        reply.Error.ShouldBeNull();
        reply.Suite.ShouldNotBeNull().Source.ShouldBe("from shop.pricing import unit_price\n\n\ndef test_unit_price():\n    assert unit_price(10, 4) == 2.5\n");
        reply.Report.Actions.Select(a => (a.Test, a.Category, a.Kind, a.Action)).ShouldBe(
        [
            ("tests/test_fix_me.py", "module-not-found", FailureKinds.TestMistake, FixActions.Repaired),
            ("tests/test_fix_me.py::test_unit_price_of_nothing", "target-bug", FailureKinds.CodeBug, FixActions.Removed),
        ]);
        reply.Report.Actions[0].Attempts.ShouldHaveSingleItem().Op.ShouldBe("fix_import");
        reply.Report.FailingAfter.ShouldBe(0);
        reply.Report.Runs.ShouldBe(2);
        var bug = reply.PossibleBugs.ShouldHaveSingleItem();
        (bug.Function, bug.Call, bug.Outcome, bug.Line, bug.FoundBy).ShouldBe(("unit_price", "unit_price(10, 0)", "ZeroDivisionError", 2, PossibleBugSources.Fixer));
        bug.Evidence.ShouldBe("a generated test called it with arguments its type hints allow and Python raised ZeroDivisionError at line 2 of the target");
        bug.Test.ShouldBe("tests/test_fix_me.py::test_unit_price_of_nothing");
    }

    [Fact]
    public async Task Should_import_a_name_the_target_defines_and_remove_a_test_that_contradicts_the_hints()
    {
        // ratio was never imported: the target defines it. scale's hint says int; the test gives a text.
        const string suite = "from calc import add, scale\n\n\ndef test_unimported():\n    assert ratio(4, 2) == 2.0\n\n\n"
            + "def test_misuse():\n    assert scale(\"3\") == 6\n\n\ndef test_fine():\n    assert add(0, 0) == 0\n";
        var command = await CommandAsync("calc.py", suite);

        var reply = await FixAsync(command);

        reply.Error.ShouldBeNull();
        var source = reply.Suite.ShouldNotBeNull().Source;
        source.ShouldStartWith("from calc import add, scale\nfrom calc import ratio\n");
        source.ShouldNotContain("test_misuse");
        source.ShouldContain("def test_fine():");
        var imported = reply.Report.Actions.Single(a => a.Test.EndsWith("::test_unimported", StringComparison.Ordinal));
        (imported.Category, imported.Action, imported.Detail).ShouldBe(("name-error", FixActions.Repaired, "added `from calc import ratio`"));
        var misuse = reply.Report.Actions.Single(a => a.Test.EndsWith("::test_misuse", StringComparison.Ordinal));
        (misuse.Category, misuse.Kind, misuse.Action).ShouldBe(("misuse", FailureKinds.TestMistake, FixActions.Removed));
        misuse.Detail.ShouldEndWith("not repairable: the test calls the code with arguments its type hints rule out");
        reply.PossibleBugs.ShouldBeEmpty();
        reply.Report.FailingAfter.ShouldBe(0);
    }

    [Fact]
    public async Task Should_reply_with_an_error_when_no_test_remains()
    {
        const string suite = "from calc import add\n\n\ndef test_arity(missing_fixture):\n    assert add(1) == 1\n";
        var command = await CommandAsync("calc.py", suite);

        var reply = await FixAsync(command);

        reply.Error.ShouldNotBeNull().ShouldContain("no test remains");
        reply.Suite.ShouldNotBeNull().Source.ShouldBe("from calc import add\n");
        var action = reply.Report.Actions.ShouldHaveSingleItem();
        (action.Category, action.Action).ShouldBe(("fixture-missing", FixActions.Removed));
        action.Detail.ShouldContain("fixture 'missing_fixture' not found");
    }

    [Fact]
    public async Task Should_reply_with_an_error_when_the_source_cannot_be_materialised()
    {
        var command = await CommandAsync("calc.py", Suite) with
        {
            Source = new SourceSpec { Kind = SourceKinds.Path, Path = Path.Combine(_project.Path, "gone") },
        };

        var reply = await FixAsync(command);

        reply.Error.ShouldNotBeNull().ShouldContain("does not exist");
        reply.Suite.ShouldBe(command.Suite);
        reply.Report.FailingAfter.ShouldBe(2);
        reply.Report.Actions.Count.ShouldBe(2);
        reply.Report.Actions.ShouldAllBe(a => a.Action == FixActions.Kept);
    }
}
