using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using QuestMesh.Contracts;
using QuestMesh.ServiceDefaults;
using QuestMesh.Tests.Llm;

namespace QuestMesh.Supervisor.Tests.Suggestions;

/// <summary>The critique step with <c>Supervisor:Llm</c>, against an OpenAI-compatible server the test starts and scripts.</summary>
public sealed class SuggestingCritiqueTests : IAsyncLifetime
{
    private const string Key = "sk-supervisor-secret-123456";

    private const string Suggestions = """
        My review:
        ```json
        {
          "priority_issues": ["test_sign_negative expects -2 but sign(-5) returns -1"],
          "coverage_suggestions": ["call div(1, 0) to reach line 3"],
          "mutation_suggestions": ["assert div(4, 2) == 2.0 exactly"],
          "code_quality_suggestions": [],
          "test_strategy_suggestions": ["parametrise sign over negative, zero and positive"],
          "next_steps": ["fix test_sign_negative", "add the zero-divisor test"]
        }
        ```
        """;

    private ScriptedLlmServer _server = null!;

    public async Task InitializeAsync() => _server = await ScriptedLlmServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static CritiqueAttempt Attempt() => Attempts.Make(
        tests: [Attempts.Test("test_div"), Attempts.Test("test_sign_negative", "failed", "AssertionError", "assert -1 == -2")],
        coverage: 60,
        missingLines: [3]);

    private async Task<Critique> CritiqueAsync(bool enabled, CritiqueAttempt command, string? endpoint = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Supervisor:Llm:Enabled"] = enabled ? "true" : "false",
            ["Generator:Llm:Endpoint"] = endpoint ?? _server.BaseUrl + "/v1",
            ["Generator:Llm:Model"] = "scripted",
            ["Generator:Llm:ApiKey"] = Key,
            ["Generator:Llm:RetryDelaySeconds"] = "0.01",
            ["Generator:Llm:MaxRetries"] = "1",
            ["Generator:Llm:Prices:scripted:InputPerMillion"] = "2",
            ["Generator:Llm:Prices:scripted:OutputPerMillion"] = "8",
        });
        builder.AddSupervisor();
        var registrations = builder.Services.Select(d => d.ImplementationInstance).OfType<BusRegistrations>().Single();
        builder.Services.AddMassTransitTestHarness(x =>
        {
            x.DisableUsageTelemetry();
            x.SetTestTimeouts(testInactivityTimeout: TimeSpan.FromSeconds(30));
            registrations.ApplyTo(x);
        });
        using var host = builder.Build();
        var harness = host.Services.GetTestHarness();
        await harness.Start();
        try
        {
            await harness.Bus.Publish(command);
            var published = await harness.Published.SelectAsync<AttemptCritiqued>(m => m.Context.Message.StepId == command.StepId).FirstOrDefault();
            return published.ShouldNotBeNull("no AttemptCritiqued with the command's StepId").Context.Message.Critique;
        }
        finally
        {
            await harness.Stop();
        }
    }

    [Fact]
    public async Task Enabled_ModelAnswers_SuggestionsAndTheirCostJoinTheRulesCritique()
    {
        _server.ThenAnswer(Suggestions, promptTokens: 1200, completionTokens: 300);

        var critique = await CritiqueAsync(enabled: true, Attempt());

        critique.LowCoverage.ShouldBeTrue();
        critique.Instructions.ShouldContain(i => i.Contains("Fix or delete `test_sign_negative`"));
        var suggestions = critique.Suggestions.ShouldNotBeNull();
        suggestions.PriorityIssues.ShouldBe(["test_sign_negative expects -2 but sign(-5) returns -1"]);
        suggestions.CoverageSuggestions.ShouldBe(["call div(1, 0) to reach line 3"]);
        suggestions.CodeQualitySuggestions.ShouldBeEmpty();
        suggestions.NextSteps.Count.ShouldBe(2);
        var metadata = critique.SupervisorLlm.ShouldNotBeNull();
        metadata.Error.ShouldBeNull();
        metadata.Model.ShouldBe("scripted");
        metadata.PromptTokens.ShouldBe(1200);
        metadata.CompletionTokens.ShouldBe(300);
        metadata.TotalTokens.ShouldBe(1500);
        metadata.EstimatedCost.ShouldBe(0.0048m);
        metadata.LlmCalls.ShouldBe(1);

        var request = _server.Received.ShouldHaveSingleItem();
        request.Message("system").ShouldContain("\"mutation_suggestions\"");
        var user = request.Message("user");
        user.ShouldContain("- line 3: `return 0`");
        user.ShouldContain("- `test_sign_negative`: AssertionError: assert -1 == -2");
        request.Headers["Authorization"].ShouldBe($"Bearer {Key}");
    }

    [Fact]
    public async Task Enabled_MalformedAnswer_IsRecordedWithTheReasonAndTheRulesStand()
    {
        _server.ThenAnswer("The tests look reasonable; add a few more for edge cases.", promptTokens: 900, completionTokens: 20);

        var critique = await CritiqueAsync(enabled: true, Attempt());

        critique.Suggestions.ShouldBeNull();
        critique.LowCoverage.ShouldBeTrue();
        critique.Instructions.ShouldContain(i => i.Contains("Execute line 3 of calc.py"));
        var metadata = critique.SupervisorLlm.ShouldNotBeNull();
        metadata.Error.ShouldBe("The model's answer is not usable: the answer holds no JSON object.");
        metadata.FailureOutput.ShouldBe("The tests look reasonable; add a few more for edge cases.");
        metadata.PromptTokens.ShouldBe(900);
    }

    [Fact]
    public async Task Enabled_ModelDown_CritiqueStillComesWithTheRulesAndSaysWhy()
    {
        var down = _server.BaseUrl + "/v1";
        await _server.DisposeAsync();

        var critique = await CritiqueAsync(enabled: true, Attempt(), endpoint: down);

        critique.LowCoverage.ShouldBeTrue();
        critique.FailingTests.ShouldBeTrue();
        critique.Instructions.ShouldContain(i => i.Contains("Fix or delete `test_sign_negative`"));
        critique.Suggestions.ShouldBeNull();
        var metadata = critique.SupervisorLlm.ShouldNotBeNull();
        metadata.Error.ShouldNotBeNull().ShouldStartWith("Could not reach the model endpoint");
        metadata.Error.ShouldNotContain(Key);
        metadata.PromptTokens.ShouldBe(0);
    }

    [Fact]
    public async Task Enabled_ServerFails_CritiqueStillComesWithTheRules()
    {
        _server.ThenError(503, "overloaded").ThenError(503, "still overloaded");

        var critique = await CritiqueAsync(enabled: true, Attempt());

        critique.Instructions.ShouldNotBeEmpty();
        critique.Suggestions.ShouldBeNull();
        critique.SupervisorLlm!.Error.ShouldNotBeNull().ShouldContain("failed (503), also after 1 retries");
        _server.Received.Count.ShouldBe(2);
    }

    [Fact]
    public async Task Disabled_WithAnEndpointConfigured_NoCallIsMade()
    {
        _server.ThenAnswer(Suggestions);

        var critique = await CritiqueAsync(enabled: false, Attempt());

        _server.Received.ShouldBeEmpty();
        critique.Suggestions.ShouldBeNull();
        critique.SupervisorLlm.ShouldBeNull();
        critique.LowCoverage.ShouldBeTrue();
    }
}
