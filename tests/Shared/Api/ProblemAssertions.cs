using System.Net;
using System.Text.Json;

namespace QuestMesh.Tests.Shared.Api;

/// <summary>What every refused request must look like: the expected 4xx as RFC 7807 problem details, nothing of the server's insides.</summary>
public static class ProblemAssertions
{
    public static async Task<JsonElement> ShouldBeProblemAsync(this HttpResponseMessage response, HttpStatusCode status, bool fieldErrors = false, string? because = null)
    {
        var body = await response.Content.ReadAsStringAsync();
        var context = $"{because} → {(int)response.StatusCode}: {body}";
        ((int)response.StatusCode).ShouldBeLessThan(500, context);
        response.StatusCode.ShouldBe(status, context);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json", context);
        var problem = JsonDocument.Parse(body).RootElement;
        problem.GetProperty("status").GetInt32().ShouldBe((int)status, context);
        problem.GetProperty("title").GetString().ShouldNotBeNullOrWhiteSpace(context);
        if (fieldErrors)
            problem.GetProperty("errors").EnumerateObject().ShouldNotBeEmpty(context);
        body.ShouldNotContain("Exception", Case.Sensitive, context);
        body.ShouldNotContain("   at ", Case.Sensitive, context);
        body.ShouldNotContain("System.", Case.Sensitive, context);
        return problem;
    }
}
