using QuestMesh.Llm;

namespace QuestMesh.Generator.Tests;

public class LlmOptionsTests
{
    [Theory]
    [InlineData(null, true)]
    [InlineData("", true)]
    [InlineData("http://localhost:11434/v1", true)]
    [InlineData("https://api.openai.com/v1", true)]
    [InlineData("localhost:11434", false)]
    [InlineData("ftp://models.example/v1", false)]
    public void HasValidEndpoint_accepts_only_absolute_http_urls(string? endpoint, bool valid)
    {
        LlmOptions.HasValidEndpoint(new LlmOptions { Endpoint = endpoint, Model = "m" }).ShouldBe(valid);
    }

    [Fact]
    public void HasModelWhenConfigured_requires_a_model_with_an_endpoint()
    {
        LlmOptions.HasModelWhenConfigured(new LlmOptions { Endpoint = "http://localhost:8080/v1" }).ShouldBeFalse();
        LlmOptions.HasModelWhenConfigured(new LlmOptions()).ShouldBeTrue();
    }
}
