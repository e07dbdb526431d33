using Microsoft.Extensions.DependencyInjection;
using QuestMesh.Llm;
using QuestMesh.Tests.Llm;

namespace QuestMesh.Generator.Tests.Llm;

/// <summary>The real SDK path (requests, retries, errors, usage, logprobs) against a server the test scripts.</summary>
public sealed class LlmClientTests : IAsyncLifetime
{
    private const string Key = "sk-test-secret-0123456789";
    private ScriptedLlmServer _server = null!;

    public async Task InitializeAsync() => _server = await ScriptedLlmServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private LlmClient Client(Action<LlmOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddOptions<LlmOptions>().Configure(o =>
        {
            o.Endpoint = _server.BaseUrl + "/v1";
            o.Model = "scripted";
            o.ApiKey = Key;
            o.RetryDelaySeconds = 0.01;
            o.TimeoutSeconds = 60;
            configure?.Invoke(o);
        });
        services.AddLlmClient();
        return services.BuildServiceProvider().GetRequiredService<LlmClient>();
    }

    [Fact]
    public async Task CompleteAsync_RateLimitedOnce_RetriesAndAnswers()
    {
        _server.ThenError(429, "Rate limit reached").ThenAnswer("```python\ndef test_a():\n    pass\n```");

        var answer = await Client().CompleteAsync("system", "user", CancellationToken.None);

        answer.Text.ShouldContain("def test_a");
        _server.Received.Count.ShouldBe(2);
    }

    [Fact]
    public async Task CompleteAsync_Unauthorized_FailsAtOnceWithWhatToSet()
    {
        _server.ThenError(401, $"Incorrect API key provided: {Key}").ThenAnswer("never asked for");

        var error = await Should.ThrowAsync<LlmException>(() => Client().CompleteAsync("system", "user", CancellationToken.None));

        _server.Received.Count.ShouldBe(1);
        error.Status.ShouldBe(401);
        error.Message.ShouldContain("401 Unauthorized");
        error.Message.ShouldContain("Generator:Llm:ApiKey");
        error.Message.ShouldContain("QUESTMESH_Generator__Llm__ApiKey");
        error.Message.ShouldContain("Incorrect API key provided");
        error.Message.ShouldNotContain(Key);
    }

    [Fact]
    public async Task CompleteAsync_UnknownModel_FailsAtOnceNamingTheSettings()
    {
        _server.ThenError(404, "The model 'scripted' does not exist");

        var error = await Should.ThrowAsync<LlmException>(() => Client().CompleteAsync("system", "user", CancellationToken.None));

        _server.Received.Count.ShouldBe(1);
        error.Message.ShouldContain("404 Not Found");
        error.Message.ShouldContain("Generator:Llm:Model");
    }

    [Fact]
    public async Task CompleteAsync_ServerErrorEveryTime_GivesUpAfterTheRetries()
    {
        for (var i = 0; i < 3; i++)
            _server.ThenError(503, "overloaded");

        var error = await Should.ThrowAsync<LlmException>(() => Client(o => o.MaxRetries = 2).CompleteAsync("s", "u", CancellationToken.None));

        _server.Received.Count.ShouldBe(3);
        error.Message.ShouldContain("after 2 retries");
    }

    [Fact]
    public async Task CompleteAsync_Logprobs_GiveTheHandComputedEntropyTokensAndCost()
    {
        // Token 1: chosen p = 0.5 among {0.5, 0.25, 0.25}: H = 0.5 ln 2 + 2 · 0.25 ln 4 = 1.5 ln 2.
        // Token 2: chosen p = 1 alone: H = 0. Mean entropy 0.75 ln 2; mean log-probability (ln 0.5 + 0) / 2.
        _server.ThenAnswer("def test_a():\n    pass\n", promptTokens: 1000, completionTokens: 200, logprobs:
        [
            (Math.Log(0.5), [Math.Log(0.5), Math.Log(0.25), Math.Log(0.25)]),
            (0.0, [0.0]),
        ]);
        var client = Client(o => o.Prices["scripted"] = new LlmPrice { InputPerMillion = 2.5m, OutputPerMillion = 10m });

        var answer = await client.CompleteAsync("system", "user", CancellationToken.None);

        answer.Statistics.Entropy!.Value.ShouldBe(0.75 * Math.Log(2), 1e-5);
        answer.Statistics.AvgLogprob!.Value.ShouldBe(Math.Log(0.5) / 2, 1e-5);
        answer.InputTokens.ShouldBe(1000);
        answer.OutputTokens.ShouldBe(200);
        answer.EstimatedCost.ShouldBe(0.0045m);
        answer.DurationSeconds.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task CompleteAsync_OpenAIFlavour_SendsTheSettingsAndABearerToken()
    {
        _server.ThenAnswer("x");

        await Client(o => o.MaxTokens = 1234).CompleteAsync("the system", "the user", CancellationToken.None);

        var request = _server.Received.Single();
        request.Path.ShouldBe("/v1/chat/completions");
        request.Headers["Authorization"].ShouldBe("Bearer " + Key);
        request.Headers.ContainsKey("api-key").ShouldBeFalse();
        var body = request.Body!;
        body["model"]!.GetValue<string>().ShouldBe("scripted");
        body["temperature"]!.GetValue<double>().ShouldBe(0.2, 1e-6);
        body["top_p"]!.GetValue<double>().ShouldBe(0.95, 1e-6);
        body["logprobs"]!.GetValue<bool>().ShouldBeTrue();
        body["top_logprobs"]!.GetValue<int>().ShouldBe(5);
        (body["max_completion_tokens"] ?? body["max_tokens"])!.GetValue<int>().ShouldBe(1234);
        request.Message("system").ShouldBe("the system");
        request.Message("user").ShouldBe("the user");
    }

    [Fact]
    public async Task CompleteAsync_NoKeyAndLogprobsOff_SendsNoAuthorizationAndNoLogprobs()
    {
        _server.ThenAnswer("x");

        await Client(o => { o.ApiKey = null; o.Logprobs = false; }).CompleteAsync("s", "u", CancellationToken.None);

        var request = _server.Received.Single();
        request.Headers.ContainsKey("Authorization").ShouldBeFalse();
        request.Body!.ContainsKey("logprobs").ShouldBeFalse();
    }

    [Fact]
    public async Task CompleteAsync_AzureFlavour_AddressesTheDeploymentWithApiVersionAndApiKey()
    {
        _server.ThenAnswer("x");

        await Client(o =>
        {
            o.Flavour = LlmFlavours.AzureOpenAI;
            o.Endpoint = _server.BaseUrl;
            o.Model = "my-deployment";
            o.AzureApiVersion = "2024-10-21";
        }).CompleteAsync("s", "u", CancellationToken.None);

        var request = _server.Received.Single();
        request.Method.ShouldBe("POST");
        request.Path.ShouldBe("/openai/deployments/my-deployment/chat/completions");
        request.Query.ShouldBe("?api-version=2024-10-21");
        request.Headers["api-key"].ShouldBe(Key);
        request.Headers.ContainsKey("Authorization").ShouldBeFalse();
    }

    [Fact]
    public async Task CompleteAsync_NothingListening_SaysTheServerCannotBeReached()
    {
        var port = _server.BaseUrl;
        await _server.DisposeAsync();

        var error = await Should.ThrowAsync<LlmException>(() =>
            Client(o => { o.Endpoint = port + "/v1"; o.MaxRetries = 1; }).CompleteAsync("s", "u", CancellationToken.None));

        error.Message.ShouldContain("Could not reach");
        error.Message.ShouldContain("Generator:Llm:Endpoint");
    }
}
