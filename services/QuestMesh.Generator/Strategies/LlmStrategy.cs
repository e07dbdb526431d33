using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QuestMesh.Contracts;
using QuestMesh.Generator.Prompts;
using QuestMesh.Llm;
using QuestMesh.Python;
using QuestMesh.Python.Harness;
using QuestMesh.Python.Workspaces;

namespace QuestMesh.Generator.Strategies;

/// <summary>
/// The model strategy (DESIGN.md §7): the harness briefs the prompt (import path, test style, the gaps
/// with their source text), the model answers, the harness turns the answer into a test module. An
/// answer that is not one is recorded with the reason and returned as an error for the router.
/// </summary>
public sealed class LlmStrategy(
    WorkspaceProvider workspaces,
    HarnessClient harness,
    LlmClient llm,
    IOptions<LlmOptions> options,
    ILogger<LlmStrategy> logger) : ITestGenerationStrategy
{
    private const int MaxKeptAnswerChars = 4000;

    public string Name => StrategyNames.Llm;

    public async Task<GenerationResult> GenerateAsync(GenerationRequest request, CancellationToken cancellationToken)
    {
        var (target, failure) = await PreparedTarget.PrepareAsync(workspaces, request, Name, cancellationToken);
        if (target is null)
            return failure!;

        using (target)
        {
            var (workspace, targetFile, targetCode, testFile) = (target.Workspace, target.TargetFile, target.TargetCode, target.TestFile);
            BriefReply brief;
            try
            {
                brief = await harness.BriefAsync(workspace.Directory, targetFile, request.ExistingSuite?.Source, request.Critique, cancellationToken);
            }
            catch (HarnessException error)
            {
                return GenerationResult.Failed(Name, $"The target '{targetFile}' could not be read for the prompt: {error.Message}", targetCode);
            }
            var context = brief.Context?.ToJsonString();
            var problem = brief.Context?["target_problem"]?["message"]?.GetValue<string>();
            if (problem is not null)
                return GenerationResult.Failed(Name, problem, targetCode, context);

            var settings = options.Value;
            var prompt = PromptBuilder.Build(PromptTemplates.Load(PromptTemplates.ShippedFolder, settings.PromptsFolder), new PromptInput
            {
                Brief = brief,
                TargetFile = targetFile,
                TargetCode = targetCode,
                TestFile = testFile,
                ExistingSuite = request.ExistingSuite?.Source,
                Instructions = request.Critique?.Instructions ?? [],
                Suggestions = request.Critique?.Suggestions,
            });

            LlmAnswer answer;
            try
            {
                answer = await llm.CompleteAsync(prompt.System, prompt.User, cancellationToken);
            }
            catch (LlmException error)
            {
                logger.LogWarning("Run {RunId} attempt {Attempt}: the model call failed: {Reason}", request.RunId, request.Attempt, error.Message);
                return GenerationResult.Failed(Name, error.Message, targetCode, context) with
                {
                    Metadata = new LlmMetadata { Strategy = Name, Model = settings.Model, LlmCalls = 1, TestStyle = brief.TestStyle },
                };
            }

            var metadata = Metadata(answer, brief.TestStyle);
            var module = await harness.AnswerAsync(answer.Text, brief.TestStyle, cancellationToken);
            logger.LogInformation(
                "Run {RunId} attempt {Attempt}: {Model} answered in {Seconds:0.0} s ({InputTokens} + {OutputTokens} tokens, entropy {Entropy})",
                request.RunId, request.Attempt, answer.Model, answer.DurationSeconds, answer.InputTokens, answer.OutputTokens, answer.Statistics.Entropy);
            if (module.Problem is { } unusable || module.Source is null)
            {
                var reason = module.Problem is { } p ? $"{p.Kind}: {p.Message}" : "no source";
                return GenerationResult.Failed(Name,
                    $"The model's answer is not a usable test module ({reason}); its text is kept in this attempt's llm_metadata.json.",
                    targetCode, context) with
                {
                    Metadata = metadata with { UnusableReason = reason, FailureOutput = Shorten(answer.Text) },
                };
            }
            return new GenerationResult
            {
                Suite = new TestSuite(testFile, module.Source),
                ContextJson = context,
                TargetCode = targetCode,
                Metadata = metadata with { Removed = module.Removed },
            };
        }
    }

    private static LlmMetadata Metadata(LlmAnswer answer, string style) => new()
    {
        Strategy = StrategyNames.Llm,
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
        TestStyle = style,
    };

    private static string Shorten(string text) => text.Length <= MaxKeptAnswerChars ? text : text[..MaxKeptAnswerChars] + "…";
}
