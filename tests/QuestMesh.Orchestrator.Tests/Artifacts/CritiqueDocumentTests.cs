using System.Text.Json;
using System.Text.Json.Nodes;
using QuestMesh.Contracts;
using QuestMesh.Orchestrator.Artifacts;
using QuestMesh.Orchestrator.Artifacts.Documents;

namespace QuestMesh.Orchestrator.Tests.Artifacts;

/// <summary><c>critique.json</c>'s <c>llm_suggestions</c>: the seed's object of six lists when the supervisor's model gave some, else the empty list it always was.</summary>
public class CritiqueDocumentTests
{
    private static JsonObject Written(Critique critique) =>
        JsonNode.Parse(ArtifactJson.Serialize(CritiqueDocument.From(critique, decision: null)))!.AsObject();

    [Fact]
    public void Suggestions_AreWrittenInTheSeedShapeWithTheirMetadata()
    {
        var json = Written(new Critique
        {
            Instructions = ["Execute line 3 of calc.py."],
            Suggestions = new LlmSuggestions { PriorityIssues = ["fix test_a"], NextSteps = ["cover line 3"] },
            SupervisorLlm = new SupervisorLlmMetadata { Model = "m", PromptTokens = 10, CompletionTokens = 5, TotalTokens = 15, EstimatedCost = 0.001m, LlmCalls = 1 },
        });

        var suggestions = json["llm_suggestions"].ShouldBeOfType<JsonObject>();
        suggestions.Select(p => p.Key).ShouldBe(
            ["priority_issues", "coverage_suggestions", "mutation_suggestions", "code_quality_suggestions", "test_strategy_suggestions", "next_steps"]);
        suggestions["priority_issues"]!.AsArray().Single()!.GetValue<string>().ShouldBe("fix test_a");
        suggestions["coverage_suggestions"]!.AsArray().ShouldBeEmpty();
        var metadata = json["supervisor_llm_metadata"].ShouldBeOfType<JsonObject>();
        metadata["model"]!.GetValue<string>().ShouldBe("m");
        metadata["total_tokens"]!.GetValue<int>().ShouldBe(15);
        metadata["estimated_cost"]!.GetValue<decimal>().ShouldBe(0.001m);
        metadata["error"].ShouldBeNull();
    }

    [Fact]
    public void ModelGaveNone_ListStaysEmptyAndTheMetadataSaysWhy()
    {
        var json = Written(new Critique { SupervisorLlm = new SupervisorLlmMetadata { LlmCalls = 1, Error = "Could not reach the model endpoint" } });

        json["llm_suggestions"].ShouldBeOfType<JsonArray>().ShouldBeEmpty();
        json["supervisor_llm_metadata"]!["error"]!.GetValue<string>().ShouldBe("Could not reach the model endpoint");
    }

    [Fact]
    public void SupervisorLlmOff_DocumentIsAsBefore()
    {
        var json = Written(new Critique { Instructions = ["Execute line 3 of calc.py."] });

        json["llm_suggestions"].ShouldBeOfType<JsonArray>().ShouldBeEmpty();
        json.ContainsKey("supervisor_llm_metadata").ShouldBeFalse();
    }

    [Fact]
    public void StoredCritique_WithTheFormerSuggestionList_StillReads()
    {
        var critique = JsonSerializer.Deserialize<Critique>(
            """{"lowCoverage": true, "instructions": ["a"], "llmSuggestions": []}""", new JsonSerializerOptions(JsonSerializerDefaults.Web));

        critique.ShouldNotBeNull().LowCoverage.ShouldBeTrue();
        critique.Suggestions.ShouldBeNull();
    }
}
