using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using QuestMesh.Tests.Shared.Api;
using QuestMesh.Tests.Shared.Tasks;

namespace QuestMesh.Orchestrator.Tests.Tasks;

/// <summary>
/// Requests the task API must refuse before any task is made: each answered with RFC 7807 problem details
/// naming the field; whether the code parses is asked of the harness.
/// </summary>
public sealed class TaskValidationTests(TaskApiFactory api) : IClassFixture<TaskApiFactory>
{
    private const string Coverage = "/optimization/coverage";
    private const string Generation = "/generation";

    public static TheoryData<string, string, string, HttpStatusCode, string?> Cases() => new()
    {
        // Bodies that are not a request.
        { "bad JSON", Coverage, "{\"source_code\":", HttpStatusCode.BadRequest, "source_code" },
        { "a JSON array", Coverage, "[1,2]", HttpStatusCode.BadRequest, "body" },
        { "an empty body", Coverage, "", HttpStatusCode.BadRequest, "body" },
        { "camelCase names", Coverage, Change(b => { b["sourceCode"] = b["source_code"]!.DeepClone(); b.Remove("source_code"); }), HttpStatusCode.BadRequest, "sourceCode" },
        { "a field given twice", Coverage, Body().ToJsonString().TrimEnd('}') + ",\"framework\":\"pytest\"}", HttpStatusCode.BadRequest, "framework" },
        // The source.
        { "no source_code", Coverage, Change(b => b.Remove("source_code")), HttpStatusCode.BadRequest, "source_code" },
        { "an empty source_code", Coverage, Change(b => b["source_code"] = "  \n"), HttpStatusCode.BadRequest, "source_code" },
        { "source_code as a number", Coverage, Change(b => b["source_code"] = 3), HttpStatusCode.BadRequest, "source_code" },
        { "source_code with a NUL", Coverage, Change(b => b["source_code"] = "x = 1\u0000\n"), HttpStatusCode.BadRequest, "source_code" },
        { "source_code that does not parse", Coverage, Change(b => b["source_code"] = "def divide(a, b:\n    if b == 0:\n        raise ValueError()\n"), HttpStatusCode.BadRequest, "source_code" },
        { "source_code past Tasks:MaxSourceBytes", Coverage, Change(b => b["source_code"] = "x = 1\n" + new string('#', 5000)), HttpStatusCode.BadRequest, "source_code" },
        { "existing_test_code that does not parse", Coverage, Change(b => b["existing_test_code"] = "def test_x(:\n    pass\n"), HttpStatusCode.BadRequest, "existing_test_code" },
        // The ranges.
        { "no uncovered_ranges", Coverage, Change(b => b.Remove("uncovered_ranges")), HttpStatusCode.BadRequest, "uncovered_ranges" },
        { "empty uncovered_ranges", Coverage, Change(b => b["uncovered_ranges"] = new JsonArray()), HttpStatusCode.BadRequest, "uncovered_ranges" },
        { "a range that is null", Coverage, Change(b => Ranges(b).Add(null)), HttpStatusCode.BadRequest, "uncovered_ranges[1]" },
        { "start_line after end_line", Coverage, Change(b => Range(b, 3, 2, "line")), HttpStatusCode.BadRequest, "uncovered_ranges[0].end_line" },
        { "start_line 0", Coverage, Change(b => Range(b, 0, 2, "line")), HttpStatusCode.BadRequest, "uncovered_ranges[0].start_line" },
        { "start_line past the source", Coverage, Change(b => Range(b, 40, 41, "line")), HttpStatusCode.BadRequest, "uncovered_ranges[0].start_line" },
        { "start_line as a string", Coverage, Change(b => Ranges(b)[0]!["start_line"] = "3"), HttpStatusCode.BadRequest, "uncovered_ranges[0].start_line" },
        { "an unknown range type", Coverage, Change(b => Range(b, 3, 3, "statement")), HttpStatusCode.BadRequest, "uncovered_ranges[0].type" },
        { "a range without a type", Coverage, Change(b => Ranges(b)[0]!.AsObject().Remove("type")), HttpStatusCode.BadRequest, "uncovered_ranges[0].type" },
        { "a misspelt range field", Coverage, Change(b => Ranges(b)[0]!["start"] = 3), HttpStatusCode.BadRequest, "uncovered_ranges[0].start" },
        { "too many ranges", Coverage, Change(b => { for (var i = 0; i < 500; i++) Ranges(b).Add(new JsonObject { ["start_line"] = 3, ["end_line"] = 3, ["type"] = "line" }); }), HttpStatusCode.BadRequest, "uncovered_ranges" },
        // The rest.
        { "an unknown framework", Coverage, Change(b => b["framework"] = "nose"), HttpStatusCode.BadRequest, "framework" },
        { "a module name with a dash", Coverage, Change(b => b["module_name"] = "my-mod"), HttpStatusCode.BadRequest, "module_name" },
        { "a module name that is a keyword", Coverage, Change(b => b["module_name"] = "shop.class"), HttpStatusCode.BadRequest, "module_name" },
        { "a module name that hides pytest", Coverage, Change(b => b["module_name"] = "pytest"), HttpStatusCode.BadRequest, "module_name" },
        { "a search budget of 0", Coverage, Change(b => b["search_budget_seconds"] = 0), HttpStatusCode.BadRequest, "search_budget_seconds" },
        { "a body past Api:MaxRequestBytes", Coverage, Change(b => b["existing_test_code"] = new string('#', HostileRequests.MaxRequestBytes)), HttpStatusCode.RequestEntityTooLarge, null },
        // Generation.
        { "a generation without source_code", Generation, Generate(b => b.Remove("source_code")), HttpStatusCode.BadRequest, "source_code" },
        { "a generation whose source does not parse", Generation, Generate(b => b["source_code"] = "def f(:\n"), HttpStatusCode.BadRequest, "source_code" },
        { "a generation with two descriptions", Generation, Generate(b => b["description"] = "also this"), HttpStatusCode.BadRequest, "description" },
        { "a generation with the ranges of a coverage task", Generation, Generate(b => b["uncovered_ranges"] = new JsonArray()), HttpStatusCode.BadRequest, "uncovered_ranges" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Should_refuse_with_problem_details_naming_the_field(string name, string path, string body, HttpStatusCode status, string? field)
    {
        using var response = await api.CreateClient().SendAsync(HostileRequests.Request(HttpMethod.Post, path, ApiSamples.Json(body)));

        var problem = await response.ShouldBeProblemAsync(status, fieldErrors: field is not null, because: name);
        if (field is not null)
            problem.GetProperty("errors").TryGetProperty(field, out var messages).ShouldBeTrue($"{name}: {problem}");
    }

    [Fact]
    public async Task Should_say_on_which_line_the_source_does_not_parse()
    {
        using var response = await api.CreateClient().PostTaskAsync(Coverage, JsonNode.Parse(Change(b => b["source_code"] = "def divide(a, b):\n    if b == 0:\n        raise ValueError(\n    return a /\n"))!);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, fieldErrors: true);
        problem.GetProperty("errors").GetProperty("source_code")[0].GetString().ShouldStartWith("is not valid Python: line 3: ");
    }

    [Fact]
    public async Task Should_refuse_a_body_that_is_not_json_and_an_unknown_or_foreign_task()
    {
        var client = api.CreateClient();
        using (var text = await client.SendAsync(HostileRequests.Request(HttpMethod.Post, Coverage, new StringContent(Body().ToJsonString(), Encoding.UTF8, "text/plain"))))
            await text.ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType);
        using (var notAnId = await client.GetAsync("/tasks/not-a-task"))
            await notAnId.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        using (var unknown = await client.GetAsync($"/tasks/{Guid.NewGuid()}"))
            await unknown.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        using (var malformedTenant = await client.SendAsync(HostileRequests.Tenant(HostileRequests.Request(HttpMethod.Get, $"/tasks/{Guid.NewGuid()}"), "a b/../c")))
            await malformedTenant.ShouldBeProblemAsync(HttpStatusCode.BadRequest, fieldErrors: true);
    }

    private static JsonObject Body() => TaskSamples.DivideBody();

    private static string Change(Action<JsonObject> change)
    {
        var body = Body();
        change(body);
        return body.ToJsonString();
    }

    private static string Generate(Action<JsonObject> change)
    {
        var body = TaskSamples.GenerationBody(TaskSamples.Divide, "division by zero", "calc");
        change(body);
        return body.ToJsonString();
    }

    private static JsonArray Ranges(JsonObject body) => (JsonArray)body["uncovered_ranges"]!;

    private static void Range(JsonObject body, int start, int end, string type) =>
        Ranges(body)[0] = new JsonObject { ["start_line"] = start, ["end_line"] = end, ["type"] = type };
}
