using System.Text.Json.Nodes;
using QuestMesh.Contracts;
using QuestMesh.Generator.Prompts;
using QuestMesh.Llm;
using QuestMesh.Python.Harness;

namespace QuestMesh.Generator.Tests.Prompts;

public sealed class PromptBuilderTests
{
    private static readonly PromptTemplates Shipped = PromptTemplates.Load(PromptTemplates.ShippedFolder, null);

    private static BriefReply Brief(string style = "pytest") => new()
    {
        Module = "shop.prices",
        TestStyle = style,
        Context = JsonNode.Parse("""
            {"summary": "Prices.", "framework": "plain", "raises": ["ValueError"],
             "functions": [{"name": "discount", "signature": "(kind, amount)", "docstring": "Discounted amount.\nMore.", "is_async": false},
                           {"name": "_helper", "signature": "()", "docstring": null}],
             "classes": [{"name": "Cart", "docstring": null, "methods": [{"name": "total", "signature": "(self, items)", "docstring": null}]}]}
            """)!.AsObject(),
        Lines = [new BriefLine(13, "raise ValueError(\"empty\")", "Cart.total")],
        Branches = [new BriefBranch(5, 6, "if kind == \"gold\":", "return amount * 0.8", "discount"), new BriefBranch(12, -11, "if not items:", null, "Cart.total")],
        Mutants = [new BriefMutant(6, "return amount * 0.8", "amount * 0.8", "amount / 0.8", "discount")],
    };

    private static PromptInput Input(string? existing = null, string style = "pytest") => new()
    {
        Brief = Brief(style),
        TargetFile = "shop/prices.py",
        TargetCode = "def discount(kind, amount):\n    return amount\n",
        TestFile = "tests/test_questmesh_prices.py",
        ExistingSuite = existing,
        Instructions = ["Fix or delete `test_old`: AssertionError: assert 1 == 2."],
    };

    [Fact]
    public void Build_FirstAttempt_IsTheGeneratorPromptWithImportPathContextAndSource()
    {
        var prompt = PromptBuilder.Build(Shipped, Input());

        prompt.System.ShouldContain("Framework: pytest.");
        prompt.System.ShouldContain("code under test is correct by definition");
        prompt.System.ShouldNotContain("{{");
        prompt.User.ShouldContain("Write a test module for the Python module `shop.prices`");
        prompt.User.ShouldContain("`from shop.prices import Cart, discount`");
        prompt.User.ShouldContain("`def discount(kind, amount)`: Discounted amount.");
        prompt.User.ShouldContain("`def total(self, items)`");
        prompt.User.ShouldContain("def discount(kind, amount):\n    return amount");
        prompt.User.ShouldNotContain("Mutants that survived");
        prompt.User.ShouldNotContain("{{");
    }

    [Fact]
    public void Build_LaterAttempt_IsTheEnhancerPromptWithEveryGapAndTheSuite()
    {
        var prompt = PromptBuilder.Build(Shipped, Input(existing: "def test_old():\n    assert 1 == 2\n"));

        prompt.User.ShouldContain("Improve the test module");
        prompt.User.ShouldContain("- line 13 in `Cart.total`: `raise ValueError(\"empty\")`");
        prompt.User.ShouldContain("- line 5 → line 6 in `discount`: from `if kind == \"gold\":` to `return amount * 0.8`");
        prompt.User.ShouldContain("- line 12 → leaving the function in `Cart.total`: from `if not items:`");
        prompt.User.ShouldContain("- line 6 in `discount`: `return amount * 0.8` — `amount * 0.8` changed to `amount / 0.8` went unnoticed");
        prompt.User.ShouldContain("- Fix or delete `test_old`: AssertionError: assert 1 == 2.");
        prompt.User.ShouldContain("def test_old():\n    assert 1 == 2");
    }

    [Fact]
    public void Build_WithSupervisorSuggestions_ListsThemLabelledAfterTheInstructions()
    {
        var input = Input(existing: "def test_old():\n    assert 1 == 2\n") with
        {
            Suggestions = new LlmSuggestions
            {
                PriorityIssues = ["test_old expects 2 but the code returns 1"],
                CoverageSuggestions = ["call Cart().total([]) to reach line 13"],
                MutationSuggestions = ["assert discount('gold', 10) == 8.0"],
                NextSteps = ["never listed: the instructions already say what comes next"],
            },
        };

        var prompt = PromptBuilder.Build(Shipped, input);

        prompt.User.ShouldContain("""
            - Fix or delete `test_old`: AssertionError: assert 1 == 2.
            - Priority: test_old expects 2 but the code returns 1
            - Coverage: call Cart().total([]) to reach line 13
            - Mutation: assert discount('gold', 10) == 8.0
            """.Replace("\r\n", "\n"));
        prompt.User.ShouldNotContain("never listed");
    }

    [Fact]
    public void Build_WithoutSuggestions_LeavesTheInstructionsAsTheyWere()
    {
        var prompt = PromptBuilder.Build(Shipped, Input(existing: "def test_old():\n    assert 1 == 2\n"));

        prompt.User.ShouldContain("- Fix or delete `test_old`: AssertionError: assert 1 == 2.\n\n");
    }

    [Theory]
    [InlineData("unittest", "Framework: unittest")]
    [InlineData("django", "SimpleTestCase")]
    public void Build_Style_PicksItsFrameworkRules(string style, string expected)
    {
        var prompt = PromptBuilder.Build(Shipped, Input(style: style));

        prompt.System.ShouldContain(expected);
        prompt.System.ShouldContain("Do not import pytest.");
    }

    [Fact]
    public void Fill_TextInsertedForAPlaceholder_IsNotFilledAgain()
    {
        var filled = PromptText.Fill("a {{x}} b {{unknown}}", new Dictionary<string, string> { ["x"] = "{{x}}" });

        filled.ShouldBe("a {{x}} b {{unknown}}");
    }

    [Fact]
    public void Load_OverrideFolder_ReplacesOnlyTheFilesItHas()
    {
        var folder = Directory.CreateTempSubdirectory("qm-prompts-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "generate.md"), "Tests for {{module}} please.");

            var templates = PromptTemplates.Load(PromptTemplates.ShippedFolder, folder);
            var prompt = PromptBuilder.Build(templates, Input());

            prompt.User.ShouldBe("Tests for shop.prices please.\n");
            prompt.System.ShouldContain("Framework: pytest.");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void ImportLine_NoPublicSymbols_ImportsTheModule()
    {
        PromptBuilder.ImportLine("pkg.mod", JsonNode.Parse("""{"functions": [{"name": "_x"}], "classes": []}""")!.AsObject())
            .ShouldBe("import pkg.mod");
    }
}
