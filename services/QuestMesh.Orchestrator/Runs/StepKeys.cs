using MassTransit;
using QuestMesh.Contracts;

namespace QuestMesh.Orchestrator.Runs;

/// <summary>
/// The key of what one handled message did to a run, for side effects that must happen once however
/// often the message is handled: a reply's StepId, a timeout's DeadlineId, the submission's RunId, else
/// (a cancellation) the message id, which a redelivery or a retry keeps.
/// </summary>
public static class StepKeys
{
    public static Guid Of(ConsumeContext context) =>
        Key<SubmitRun>(context, m => m.RunId)
        ?? Key<TestsGenerated>(context, m => m.StepId)
        ?? Key<TestsAnalyzed>(context, m => m.StepId)
        ?? Key<TestsExecuted>(context, m => m.StepId)
        ?? Key<AttemptCritiqued>(context, m => m.StepId)
        ?? Key<TestsFixed>(context, m => m.StepId)
        ?? Key<StepTimedOut>(context, m => m.DeadlineId)
        ?? Key<Fault<GenerateTests>>(context, f => f.Message.StepId)
        ?? Key<Fault<EnhanceTests>>(context, f => f.Message.StepId)
        ?? Key<Fault<AnalyzeTests>>(context, f => f.Message.StepId)
        ?? Key<Fault<ExecuteTests>>(context, f => f.Message.StepId)
        ?? Key<Fault<CritiqueAttempt>>(context, f => f.Message.StepId)
        ?? Key<Fault<FixTests>>(context, f => f.Message.StepId)
        ?? context.MessageId
        ?? throw new InvalidOperationException("A message without a step id has no message id either.");

    private static Guid? Key<T>(ConsumeContext context, Func<T, Guid> key) where T : class =>
        context.TryGetMessage<T>(out var message) ? key(message.Message) : null;
}
