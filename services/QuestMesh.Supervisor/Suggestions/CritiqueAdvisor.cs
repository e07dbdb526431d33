using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QuestMesh.Contracts;
using QuestMesh.Llm;
using QuestMesh.Supervisor.Critiques;

namespace QuestMesh.Supervisor.Suggestions;

/// <summary>
/// After the rules, asks the model for suggestions when <c>Supervisor:Llm:Enabled</c> is on. The model is
/// advice: whatever happens to the call (an error, a timeout, an answer that is not the JSON asked for), the
/// critique goes out with the rules' findings and <see cref="SupervisorLlmMetadata"/> says what happened.
/// </summary>
public sealed class CritiqueAdvisor(
    LlmClient llm,
    IOptions<LlmOptions> model,
    IOptions<SupervisorLlmOptions> settings,
    IOptions<SupervisorOptions> limits,
    ILogger<CritiqueAdvisor> logger)
{
    private const int MaxKeptAnswerChars = 4000;

    public async Task<Critique> AdviseAsync(AttemptFacts facts, Critique critique, PostReliability reliability, CancellationToken cancellationToken)
    {
        var options = settings.Value;
        if (!options.Enabled)
            return critique;

        var templates = SuggestionTemplates.Load(PromptText.ShippedFolder, model.Value.PromptsFolder);
        var (system, user) = SuggestionPrompt.Build(templates, facts, critique, reliability, limits.Value);
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(TimeSpan.FromSeconds(options.TimeoutSeconds));
        var started = Stopwatch.GetTimestamp();
        LlmAnswer answer;
        try
        {
            answer = await llm.CompleteAsync(system, user, budget.Token);
        }
        catch (Exception error) when (!cancellationToken.IsCancellationRequested)
        {
            var reason = Reason(error, options);
            logger.LogWarning("Run {RunId} attempt {Attempt}: no suggestions from the model, the critique keeps the rules' findings: {Reason}",
                facts.Input.RunId, facts.Input.Attempt, reason);
            return critique with
            {
                SupervisorLlm = new SupervisorLlmMetadata
                {
                    Model = model.Value.Model,
                    LlmCalls = 1,
                    LlmDurationSeconds = Math.Round(Stopwatch.GetElapsedTime(started).TotalSeconds, 3),
                    Error = reason,
                },
            };
        }

        var parsed = SuggestionParser.Parse(answer.Text);
        if (parsed.Problem is { } problem)
            logger.LogWarning("Run {RunId} attempt {Attempt}: the model's suggestions are not usable: {Reason}",
                facts.Input.RunId, facts.Input.Attempt, problem);
        return critique with
        {
            Suggestions = parsed.Suggestions,
            SupervisorLlm = Metadata(answer) with
            {
                Error = parsed.Problem is { } p ? $"The model's answer is not usable: {p}." : null,
                FailureOutput = parsed.Problem is null ? null : Shorten(answer.Text),
            },
        };
    }

    private string Reason(Exception error, SupervisorLlmOptions options) => error switch
    {
        LlmException known => known.Message,
        OperationCanceledException => $"The model did not answer within Supervisor:Llm:TimeoutSeconds = {options.TimeoutSeconds} s.",
        _ => Redacted($"The model call failed: {error.GetType().Name}: {error.Message}"),
    };

    private string Redacted(string text) =>
        model.Value.ApiKey is { Length: > 0 } key ? text.Replace(key, "***", StringComparison.Ordinal) : text;

    private static SupervisorLlmMetadata Metadata(LlmAnswer answer) => new()
    {
        Model = answer.Model,
        Entropy = answer.Statistics.Entropy,
        AvgLogprob = answer.Statistics.AvgLogprob,
        PromptTokens = answer.InputTokens,
        CompletionTokens = answer.OutputTokens,
        TotalTokens = answer.InputTokens + answer.OutputTokens,
        EstimatedCost = answer.EstimatedCost,
        LlmDurationSeconds = Math.Round(answer.DurationSeconds, 3),
        LlmCalls = 1,
        FinishReason = answer.FinishReason,
    };

    private static string Shorten(string text) => text.Length <= MaxKeptAnswerChars ? text : text[..MaxKeptAnswerChars] + "…";
}
