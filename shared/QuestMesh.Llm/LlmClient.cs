using System.Diagnostics;
using Microsoft.Extensions.Options;
using OpenAI.Chat;

namespace QuestMesh.Llm;

/// <summary>One chat completion through the OpenAI SDK: the answer with tokens, cost and log-probability figures, or an <see cref="LlmException"/>.</summary>
public sealed class LlmClient(IHttpClientFactory httpClients, IOptions<LlmOptions> settings)
{
    /// <summary>The named <see cref="HttpClient"/> whose handler carries the retry and timeout policy.</summary>
    public const string HttpClientName = "questmesh-llm";

    public async Task<LlmAnswer> CompleteAsync(string system, string user, CancellationToken cancellationToken)
    {
        var options = settings.Value;
        var chat = ChatClients.Create(options, httpClients.CreateClient(HttpClientName));
        var request = new ChatCompletionOptions
        {
            Temperature = (float)options.Temperature,
            TopP = (float)options.TopP,
            MaxOutputTokenCount = options.MaxTokens,
        };
        if (options.Logprobs)
        {
            request.IncludeLogProbabilities = true;
            request.TopLogProbabilityCount = options.TopLogprobs;
        }

        var stopwatch = Stopwatch.StartNew();
        ChatCompletion completion;
        try
        {
            completion = (await chat.CompleteChatAsync([new SystemChatMessage(system), new UserChatMessage(user)], request, cancellationToken)).Value;
        }
        catch (Exception error) when (!cancellationToken.IsCancellationRequested && LlmErrors.Explain(error, options) is { } explained)
        {
            throw explained;
        }
        var duration = stopwatch.Elapsed.TotalSeconds;

        var text = string.Concat(completion.Content.Where(p => p.Kind == ChatMessageContentPartKind.Text).Select(p => p.Text));
        var input = completion.Usage?.InputTokenCount ?? 0;
        var output = completion.Usage?.OutputTokenCount ?? 0;
        var model = string.IsNullOrEmpty(completion.Model) ? options.Model! : completion.Model;
        return new LlmAnswer
        {
            Text = text,
            Model = model,
            InputTokens = input,
            OutputTokens = output,
            EstimatedCost = Price(options, model)?.Cost(input, output) ?? 0m,
            DurationSeconds = duration,
            Statistics = TokenStatistics.From(completion.ContentTokenLogProbabilities
                .Select(t => new TokenLogprob(t.LogProbability, t.TopLogProbabilities.Select(a => (double)a.LogProbability).ToList()))
                .ToList()),
            FinishReason = completion.FinishReason.ToString(),
        };
    }

    /// <summary>The configured model's price, else the price of the model the server says answered.</summary>
    private static LlmPrice? Price(LlmOptions options, string answeredBy) =>
        options.Prices.GetValueOrDefault(options.Model!) ?? options.Prices.GetValueOrDefault(answeredBy);
}
