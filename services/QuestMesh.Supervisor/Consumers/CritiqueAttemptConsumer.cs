using MassTransit;
using Microsoft.Extensions.Logging;
using QuestMesh.Contracts;
using QuestMesh.Supervisor.Critiques;
using QuestMesh.Supervisor.Reliability;

namespace QuestMesh.Supervisor.Consumers;

/// <summary>
/// Judges one attempt: post-execution reliability, then the critique. Both are pure functions of the
/// message, so a redelivered command is simply answered again with the same verdict.
/// </summary>
public sealed class CritiqueAttemptConsumer(
    CritiqueRules rules,
    PostReliabilityPolicy policy,
    ILogger<CritiqueAttemptConsumer> logger) : IConsumer<CritiqueAttempt>
{
    public async Task Consume(ConsumeContext<CritiqueAttempt> context)
    {
        var message = context.Message;
        var facts = AttemptFacts.From(message);
        var reliability = policy.Evaluate(facts);
        var critique = rules.Build(facts, reliability);
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
