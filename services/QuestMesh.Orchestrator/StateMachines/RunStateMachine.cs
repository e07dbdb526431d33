using System.Linq.Expressions;
using MassTransit;
using QuestMesh.Contracts;
using QuestMesh.Orchestrator.Routing;
using QuestMesh.Orchestrator.StateMachines.Activities;

namespace QuestMesh.Orchestrator.StateMachines;

/// <summary>
/// One run (DESIGN.md §2, §5): generate → (static ‖ execution) → critique → route to fix, enhance or
/// finish. Decisions live in the router policy and the activities; this class only wires them.
/// A reply counts only when its StepId is the one awaited: late duplicates and answers to re-sent
/// commands are dropped, in any state.
/// </summary>
public sealed class RunStateMachine : MassTransitStateMachine<RunState>
{
    public RunStateMachine()
    {
        InstanceState(x => x.CurrentState);

        Event(() => SubmitRun, e =>
        {
            e.CorrelateById(c => c.Message.RunId);
            // Insert first so two racing submissions of one run create one saga (see STACK.md).
            e.InsertOnInitial = true;
            e.SetSagaFactory(c => RunState.Create(c.Message.RunId));
        });
        Correlate(() => TestsGenerated, m => m.RunId);
        Correlate(() => TestsAnalyzed, m => m.RunId);
        Correlate(() => TestsExecuted, m => m.RunId);
        Correlate(() => AttemptCritiqued, m => m.RunId);
        Correlate(() => TestsFixed, m => m.RunId);
        Correlate(() => SuiteFinalized, m => m.RunId);
        Correlate(() => FinalizeFaulted, m => m.Message.RunId);
        Correlate(() => CancelRun, m => m.RunId);
        Correlate(() => StepTimedOut, m => m.RunId);
        Correlate(() => GenerateFaulted, m => m.Message.RunId);
        Correlate(() => EnhanceFaulted, m => m.Message.RunId);
        Correlate(() => AnalyzeFaulted, m => m.Message.RunId);
        Correlate(() => ExecuteFaulted, m => m.Message.RunId);
        Correlate(() => CritiqueFaulted, m => m.Message.RunId);
        Correlate(() => FixFaulted, m => m.Message.RunId);

        // Replies that arrive after the run moved on (or ended) are expected, not errors.
        OnUnhandledEvent(x => x.Ignore());

        Initially(
            When(SubmitRun)
                .Activity(x => x.OfType<StartRunActivity>())
                .TransitionTo(Generating)
                .Activity(x => x.OfInstanceType<SendStepActivity>())
                .Activity(x => x.OfInstanceType<AnnounceActivity>()));

        During(Generating,
            When(TestsGenerated, c => c.Message.StepId == c.Saga.GenerateStepId)
                .IfElse(c => AcceptGeneratedActivity.HasSuite(c.Message),
                    suite => suite
                        .Activity(x => x.OfType<AcceptGeneratedActivity>())
                        .TransitionTo(Checking)
                        .Activity(x => x.OfInstanceType<SendStepActivity>()),
                    none => none
                        .Activity(x => x.OfType<RejectGenerationActivity>())
                        .IfElse(c => c.Saga.BestSuite is not null,
                            best => Finish(best),
                            nothing => nothing.TransitionTo(Failed).Activity(x => x.OfInstanceType<FailRunActivity>())))
                .Activity(x => x.OfInstanceType<AnnounceActivity>()));

        During(Checking,
            When(TestsAnalyzed, c => c.Message.StepId == c.Saga.StaticStepId)
                .Activity(x => x.OfType<AcceptAnalyzedActivity>())
                .If(c => c.Saga.ChecksComplete, both => both.TransitionTo(Critiquing).Activity(x => x.OfInstanceType<SendStepActivity>()))
                .Activity(x => x.OfInstanceType<AnnounceActivity>()),
            When(TestsExecuted, c => c.Message.StepId == c.Saga.ExecuteStepId)
                .Activity(x => x.OfType<AcceptExecutedActivity>())
                .If(c => c.Saga.ChecksComplete, both => both.TransitionTo(Critiquing).Activity(x => x.OfInstanceType<SendStepActivity>()))
                .Activity(x => x.OfInstanceType<AnnounceActivity>()));

        During(Critiquing,
            Route(When(AttemptCritiqued, c => c.Message.StepId == c.Saga.CritiqueStepId)
                    .Activity(x => x.OfType<AcceptCritiqueActivity>()))
                .Activity(x => x.OfInstanceType<AnnounceActivity>()));

        During(Fixing,
            When(TestsFixed, c => c.Message.StepId == c.Saga.FixStepId)
                .Activity(x => x.OfType<AcceptFixActivity>())
                .IfElse(c => AcceptFixActivity.Repaired(c.Message),
                    repaired => repaired.TransitionTo(Checking).Activity(x => x.OfInstanceType<SendStepActivity>()),
                    unrepaired => Route(unrepaired))
                .Activity(x => x.OfInstanceType<AnnounceActivity>()));

        // The final suite is a bonus: whatever stops it (no reply in time, a fault), the best attempt's suite stands.
        During(Finalizing,
            When(SuiteFinalized, c => c.Message.StepId == c.Saga.FinalizeStepId)
                .Activity(x => x.OfType<AcceptFinalActivity>())
                .TransitionTo(Completed)
                .Activity(x => x.OfInstanceType<FinishRunActivity>())
                .Activity(x => x.OfInstanceType<AnnounceActivity>()),
            When(StepTimedOut, c => c.Message.DeadlineId == c.Saga.DeadlineId)
                .Then(c => c.Saga.FinalNote = "the best attempt's suite stands: the final suite was not made in time")
                .TransitionTo(Completed)
                .Activity(x => x.OfInstanceType<FinishRunActivity>())
                .Activity(x => x.OfInstanceType<AnnounceActivity>()),
            When(FinalizeFaulted, c => c.Message.Message.StepId == c.Saga.FinalizeStepId)
                .Then(c => c.Saga.FinalNote = $"the best attempt's suite stands: {FaultDescription.Of(c.Message)}")
                .TransitionTo(Completed)
                .Activity(x => x.OfInstanceType<FinishRunActivity>())
                .Activity(x => x.OfInstanceType<AnnounceActivity>()),
            When(CancelRun)
                .Then(c => c.Saga.Terminate(TerminationReasons.Cancelled, c.Message.Reason))
                .TransitionTo(Cancelled)
                .Activity(x => x.OfInstanceType<FailRunActivity>())
                .Activity(x => x.OfInstanceType<AnnounceActivity>()));

        During(Generating, Checking, Critiquing, Fixing,
            When(StepTimedOut, c => c.Message.DeadlineId == c.Saga.DeadlineId)
                .Activity(x => x.OfType<ExpireStepActivity>())
                .IfElse(c => c.Saga.IsTerminating,
                    spent => spent.TransitionTo(Failed).Activity(x => x.OfInstanceType<FailRunActivity>()),
                    resend => resend.Activity(x => x.OfInstanceType<SendStepActivity>()))
                .Activity(x => x.OfInstanceType<AnnounceActivity>()),
            When(CancelRun)
                .Then(c => c.Saga.Terminate(TerminationReasons.Cancelled, c.Message.Reason))
                .TransitionTo(Cancelled)
                .Activity(x => x.OfInstanceType<FailRunActivity>())
                .Activity(x => x.OfInstanceType<AnnounceActivity>()),
            FailOn(GenerateFaulted, "generate", c => c.Message.Message.StepId == c.Saga.GenerateStepId),
            FailOn(EnhanceFaulted, "enhance", c => c.Message.Message.StepId == c.Saga.GenerateStepId),
            FailOn(AnalyzeFaulted, "static", c => c.Message.Message.StepId == c.Saga.StaticStepId),
            FailOn(ExecuteFaulted, "execute", c => c.Message.Message.StepId == c.Saga.ExecuteStepId),
            FailOn(CritiqueFaulted, "critique", c => c.Message.Message.StepId == c.Saga.CritiqueStepId),
            FailOn(FixFaulted, "fix", c => c.Message.Message.StepId == c.Saga.FixStepId));
    }

    public State Generating { get; private set; } = null!;
    public State Checking { get; private set; } = null!;
    public State Critiquing { get; private set; } = null!;
    public State Fixing { get; private set; } = null!;
    public State Finalizing { get; private set; } = null!;
    public State Completed { get; private set; } = null!;
    public State Failed { get; private set; } = null!;
    public State Cancelled { get; private set; } = null!;

    public Event<SubmitRun> SubmitRun { get; private set; } = null!;
    public Event<TestsGenerated> TestsGenerated { get; private set; } = null!;
    public Event<TestsAnalyzed> TestsAnalyzed { get; private set; } = null!;
    public Event<TestsExecuted> TestsExecuted { get; private set; } = null!;
    public Event<AttemptCritiqued> AttemptCritiqued { get; private set; } = null!;
    public Event<TestsFixed> TestsFixed { get; private set; } = null!;
    public Event<SuiteFinalized> SuiteFinalized { get; private set; } = null!;
    public Event<Fault<FinalizeSuite>> FinalizeFaulted { get; private set; } = null!;
    public Event<CancelRun> CancelRun { get; private set; } = null!;
    public Event<StepTimedOut> StepTimedOut { get; private set; } = null!;
    public Event<Fault<GenerateTests>> GenerateFaulted { get; private set; } = null!;
    public Event<Fault<EnhanceTests>> EnhanceFaulted { get; private set; } = null!;
    public Event<Fault<AnalyzeTests>> AnalyzeFaulted { get; private set; } = null!;
    public Event<Fault<ExecuteTests>> ExecuteFaulted { get; private set; } = null!;
    public Event<Fault<CritiqueAttempt>> CritiqueFaulted { get; private set; } = null!;
    public Event<Fault<FixTests>> FixFaulted { get; private set; } = null!;

    /// <summary>The router's answer, shared by a critiqued attempt and one the fixer could not repair.</summary>
    private EventActivityBinder<RunState, T> Route<T>(EventActivityBinder<RunState, T> binder) where T : class =>
        binder
            .Activity(x => x.OfInstanceType<RouteAttemptActivity>())
            .IfElse(c => c.Saga.Route == RouteKind.Fix,
                fix => fix
                    .Then(c => c.Saga.FixRound++)
                    .TransitionTo(Fixing)
                    .Activity(x => x.OfInstanceType<SendStepActivity>()),
                other => other.IfElse(c => c.Saga.Route == RouteKind.Enhance,
                    enhance => enhance
                        .Then(c => c.Saga.BeginNextAttempt())
                        .TransitionTo(Generating)
                        .Activity(x => x.OfInstanceType<SendStepActivity>()),
                    finish => Finish(finish)));

    /// <summary>The run is over: the final suite from all attempts first when there is more than one passing suite.</summary>
    private EventActivityBinder<RunState, T> Finish<T>(EventActivityBinder<RunState, T> binder) where T : class =>
        binder.IfElse(c => c.Saga.HasSuitesToUnite,
            unite => unite
                .TransitionTo(Finalizing)
                .Activity(x => x.OfInstanceType<SendStepActivity>()),
            done => done
                .TransitionTo(Completed)
                .Activity(x => x.OfInstanceType<FinishRunActivity>()));

    /// <summary>A worker's consumer gave up on the awaited command: the run fails with its reason.</summary>
    private EventActivityBinder<RunState, Fault<T>> FailOn<T>(Event<Fault<T>> fault, string step,
        StateMachineCondition<RunState, Fault<T>> awaited) where T : class =>
        When(fault, awaited)
            .Then(c => c.Saga.Terminate(TerminationReasons.Failed($"{step}-fault"), FaultDescription.Of(c.Message)))
            .TransitionTo(Failed)
            .Activity(x => x.OfInstanceType<FailRunActivity>())
            .Activity(x => x.OfInstanceType<AnnounceActivity>());

    /// <summary>Every event carries the run id; one for a run this orchestrator does not know is dropped.</summary>
    private void Correlate<T>(Expression<Func<Event<T>>> property, Func<T, Guid> runId) where T : class =>
        Event(property, e =>
        {
            e.CorrelateById(c => runId(c.Message));
            e.OnMissingInstance(m => m.Discard());
        });
}
