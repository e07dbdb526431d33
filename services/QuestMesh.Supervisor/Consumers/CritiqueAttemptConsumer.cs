using MassTransit;
using Microsoft.Extensions.Logging;
using QuestMesh.Contracts;
using QuestMesh.Supervisor.Critiques;
using QuestMesh.Supervisor.Reliability;
using QuestMesh.Supervisor.Suggestions;

namespace QuestMesh.Supervisor.Consumers;

/// <summary>
/// Judges one attempt: post-execution reliability, then the critique, then (when switched on) the model's
/// suggestions. Reliability and the rules are pure functions of the message, so a redelivered command is
/// answered again with the same verdict; only the suggestions may differ (and cost a second call).
/// </summary>
public sealed class CritiqueAttemptConsumer(
    CritiqueRules rules,
    PostReliabilityPolicy policy,
    CritiqueAdvisor advisor,
    ILogger<CritiqueAttemptConsumer> logger) : IConsumer<CritiqueAttempt>
{
    public async Task Consume(ConsumeContext<CritiqueAttempt> context)
    {
        var message = context.Message;
        var facts = AttemptFacts.From(message);
        var reliability = policy.Evaluate(facts);
        var critique = await advisor.AdviseAsync(facts, rules.Build(facts, reliability), reliability, context.CancellationToken);
        logger.LogInformation(
            "Critiqued run {RunId} attempt {Attempt}: reliability {Level}, coverage {Coverage}, {Instructions} instructions",
            message.RunId, message.Attempt, reliability.Level, facts.Coverage, critique.Instructions.Count);
        await context.Publish(new AttemptCritiqued
        {
            RunId = message.RunId,
            Attempt = message.Attempt,
            StepId = message.StepId,
            Critique = critique,
            Reliability = reliability,
        }, context.CancellationToken);
    }
}
