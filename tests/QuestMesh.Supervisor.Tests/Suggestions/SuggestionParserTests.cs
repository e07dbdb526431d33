using QuestMesh.Supervisor.Suggestions;

namespace QuestMesh.Supervisor.Tests.Suggestions;

public class SuggestionParserTests
{
    [Fact]
    public void Parse_PlainJson_ReadsAllSixLists()
    {
        var answer = SuggestionParser.Parse("""
            {"priority_issues": ["fix test_div"], "coverage_suggestions": ["call div(1, 0)"], "mutation_suggestions": ["assert div(4, 2) == 2.0"],
             "code_quality_suggestions": ["name tests after the scenario"], "test_strategy_suggestions": ["parametrise sign"], "next_steps": ["first fix", "then cover"]}
            """);

        answer.Problem.ShouldBeNull();
        var suggestions = answer.Suggestions.ShouldNotBeNull();
        suggestions.PriorityIssues.ShouldBe(["fix test_div"]);
        suggestions.CoverageSuggestions.ShouldBe(["call div(1, 0)"]);
        suggestions.MutationSuggestions.ShouldBe(["assert div(4, 2) == 2.0"]);
        suggestions.CodeQualitySuggestions.ShouldBe(["name tests after the scenario"]);
        suggestions.TestStrategySuggestions.ShouldBe(["parametrise sign"]);
        suggestions.NextSteps.ShouldBe(["first fix", "then cover"]);
    }

    [Fact]
    public void Parse_FencedJsonAmidProse_FindsTheObject()
    {
        var answer = SuggestionParser.Parse("""
            Here is my review of the attempt:

            ```json
            {"coverage_suggestions": ["call sign(-1) to reach line 8"]}
            ```

            Good luck!
            """);

        answer.Problem.ShouldBeNull();
        answer.Suggestions!.CoverageSuggestions.ShouldBe(["call sign(-1) to reach line 8"]);
        answer.Suggestions.PriorityIssues.ShouldBeEmpty();
    }

    [Fact]
    public void Parse_NestedObjectOtherCaseAndLooseItems_AreNormalised()
    {
        var answer = SuggestionParser.Parse("""
            Sure. {"llm_suggestions": {"PriorityIssues": "the suite does not import div", "nextSteps": [{"step": 1, "text": "import div"}, "", 3]}}
            """);

        answer.Problem.ShouldBeNull();
        answer.Suggestions!.PriorityIssues.ShouldBe(["the suite does not import div"]);
        answer.Suggestions.NextSteps.ShouldBe(["1 — import div", "3"]);
    }

    [Fact]
    public void Parse_LongLists_AreCut()
    {
        var items = string.Join(", ", Enumerable.Range(1, 30).Select(i => $"\"{new string('x', 600)}{i}\""));

        var answer = SuggestionParser.Parse($$"""{"next_steps": [{{items}}]}""");

        answer.Suggestions!.NextSteps.Count.ShouldBe(SuggestionParser.MaxPerList);
        answer.Suggestions.NextSteps[0].Length.ShouldBe(SuggestionParser.MaxChars + 1);
    }

    [Theory]
    [InlineData("", "the answer is empty")]
    [InlineData("I think the tests look fine overall.", "the answer holds no JSON object")]
    [InlineData("{\"priority_issues\": [\"unterminated\"", "the answer holds no JSON object")]
    [InlineData("{\"verdict\": \"good\", \"score\": 7}", "the JSON object has none of the keys priority_issues")]
    public void Parse_UnusableAnswer_SaysWhy(string text, string reason)
    {
        var answer = SuggestionParser.Parse(text);

        answer.Suggestions.ShouldBeNull();
        answer.Problem.ShouldNotBeNull().ShouldStartWith(reason);
    }
}
