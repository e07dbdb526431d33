using System.Text.Json;
using System.Text.Json.Nodes;
using QuestMesh.Contracts;
using QuestMesh.Generator.Search;
using QuestMesh.Python;

namespace QuestMesh.Generator.Tests.Search;

public class ExploreRequestTests
{
    [Fact]
    public void For_generate_sends_the_protocol_fields_without_focus()
    {
        var request = ExploreRequest.For("/ws", "calc.py", "tests/test_questmesh_calc.py",
            new RunSettings { Seed = 7, SearchBudgetSeconds = 5 }, attempt: 0, existing: null, critique: null);

        var json = Serialize(request);

        json["project_dir"]!.GetValue<string>().ShouldBe("/ws");
        json["target_file"]!.GetValue<string>().ShouldBe("calc.py");
        json["test_file"]!.GetValue<string>().ShouldBe("tests/test_questmesh_calc.py");
        json["seed"]!.GetValue<int>().ShouldBe(7);
        json["budget_seconds"]!.GetValue<int>().ShouldBe(5);
        json["style"]!.GetValue<string>().ShouldBe("auto");
        json.ContainsKey("existing_tests").ShouldBeFalse();
        json.ContainsKey("focus").ShouldBeFalse();
    }

    [Fact]
    public void For_enhance_sends_existing_tests_and_the_critique_as_focus()
    {
        var critique = new Critique
        {
            MissingLines = [3, 4],
            MissingBranches = [new MissingBranch(2, 3, "if n < 0:")],
            SurvivingMutants = [new MutantResult { Line = 3, Operator = "compare", Original = "<", Mutated = "<=", Status = "survived" }],
        };

        var request = ExploreRequest.For("/ws", "calc.py", "tests/test_x.py", new RunSettings { Seed = 7 }, attempt: 2,
            new TestSuite("tests/test_x.py", "def test_a(): pass\n"), critique);
        var json = Serialize(request);

        json["seed"]!.GetValue<int>().ShouldBe(9);
        json["existing_tests"]!.GetValue<string>().ShouldBe("def test_a(): pass\n");
        var focus = json["focus"]!.AsObject();
        focus["missing_lines"]!.AsArray().Select(n => n!.GetValue<int>()).ShouldBe([3, 4]);
        var branch = focus["missing_branches"]![0]!.AsObject();
        branch["from"]!.GetValue<int>().ShouldBe(2);
        branch["to"]!.GetValue<int>().ShouldBe(3);
        branch.ContainsKey("source").ShouldBeFalse();
        var mutant = focus["surviving_mutants"]![0]!.AsObject();
        mutant["line"]!.GetValue<int>().ShouldBe(3);
        mutant["original"]!.GetValue<string>().ShouldBe("<");
        mutant["mutated"]!.GetValue<string>().ShouldBe("<=");
    }

    private static JsonObject Serialize(ExploreRequest request) =>
        JsonNode.Parse(JsonSerializer.Serialize<object>(request, HarnessJson.Options))!.AsObject();
}
