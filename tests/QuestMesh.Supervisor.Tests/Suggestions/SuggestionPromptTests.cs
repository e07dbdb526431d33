using QuestMesh.Contracts;
using QuestMesh.Llm;
using QuestMesh.Supervisor.Critiques;
using QuestMesh.Supervisor.Suggestions;

namespace QuestMesh.Supervisor.Tests.Suggestions;

public class SuggestionPromptTests
{
    private static readonly SupervisorOptions Limits = new();
    private static readonly SuggestionTemplates Shipped = SuggestionTemplates.Load(PromptText.ShippedFolder, null);

    private static (string System, string User) Build(CritiqueAttempt attempt)
    {
        var facts = AttemptFacts.From(attempt);
        var reliability = new PostReliability(PostReliability.NeedsReview, ["failing tests: 1 of 3 fail or error"]);
        return SuggestionPrompt.Build(Shipped, facts, new CritiqueRules(Limits).Build(facts, reliability), reliability, Limits);
    }

    private static CritiqueAttempt Attempt() => Attempts.Make(
        tests: [Attempts.Test("test_div"), Attempts.Test("test_sign_negative", "failed", "AssertionError", "assert 1 == -2"), Attempts.Test("test_order")],
        coverage: 60,
        mutation: 30,
        missingLines: [3, 9],
        missingBranches: [new MissingBranch(2, 3, "if b == 0:")],
        mutants:
        [
            Attempts.Mutant(4, "a / b", "a * b") with { Function = "div" },
            Attempts.Mutant(9, "-1", "1") with { Function = "sign" },
            Attempts.Mutant(8, "x < 0", "x <= 0") with { Function = "sign" },
        ],
        flaky: ["test_order"]) with
    {
        PossibleBugs = [new PossibleBug { Function = "div", Call = "div(1, 0)", Outcome = "ZeroDivisionError", Evidence = "its hints promise float" }],
    };

    [Fact]
    public void Build_GivesTheModelWhatTheCritiqueKnows()
    {
        var (system, user) = Build(Attempt());

        system.ShouldContain("\"priority_issues\"");
        system.ShouldContain("\"next_steps\"");
        user.ShouldContain("module `calc` (file `calc.py`), test module `tests/test_calc.py`");
        user.ShouldContain("- coverage 60 % (target 90 %)");
        user.ShouldContain("- mutation score 30 % (target 50 %)");
        user.ShouldContain("- line 3: `return 0`");
        user.ShouldContain("- line 9: `return -1`");
        user.ShouldContain("Take the branch from line 2 (`if b == 0:`) to line 3 (`return 0`)");
        user.ShouldContain("- in `div`: line 4 `a / b` → `a * b` (arith)");
        user.ShouldContain("- in `sign`: line 8 `x < 0` → `x <= 0` (arith); line 9 `-1` → `1` (arith)");
        user.ShouldContain("- `test_sign_negative`: AssertionError: assert 1 == -2");
        user.ShouldContain("- `test_order`");
        user.ShouldContain("div(1, 0) raises ZeroDivisionError");
        user.ShouldContain("Fix or delete `test_sign_negative`");
        user.ShouldContain(Attempts.TargetCode.Trim());
        user.ShouldContain("assert div(4, 2) == 2");
    }

    [Fact]
    public void Build_NothingMissing_SaysNone()
    {
        var (_, user) = Build(Attempts.Make());

        user.ShouldContain("Lines no test executes:\n(none)");
        user.ShouldContain("Possible bugs in the module (behaviour that contradicts its own hints or docstrings; tests must not assert it):\n(none)");
    }

    [Fact]
    public void Load_OverrideFolder_ReplacesOnlyTheFilesItHas()
    {
        var folder = Directory.CreateTempSubdirectory("qm-supervise-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, SuggestionTemplates.UserFile), "Review {{module}}: {{figures}}");

            var templates = SuggestionTemplates.Load(PromptText.ShippedFolder, folder);

            templates.User.ShouldBe("Review {{module}}: {{figures}}");
            templates.System.ShouldBe(Shipped.System);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
