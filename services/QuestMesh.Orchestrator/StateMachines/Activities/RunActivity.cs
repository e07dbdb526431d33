using MassTransit;

namespace QuestMesh.Orchestrator.StateMachines.Activities;

/// <summary>
/// Base of the run saga's activities that read the event's message: the MassTransit plumbing once, so
/// each activity is only its <see cref="Run"/>. Activities are resolved from the message's DI scope.
/// </summary>
public abstract class RunActivity<TMessage> : IStateMachineActivity<RunState, TMessage> where TMessage : class
{
    public async Task Execute(BehaviorContext<RunState, TMessage> context, IBehavior<RunState, TMessage> next)
    {
        await Run(context);
        await next.Execute(context);
    }

    public Task Faulted<TException>(BehaviorExceptionContext<RunState, TMessage, TException> context,
        IBehavior<RunState, TMessage> next) where TException : Exception => next.Faulted(context);

    public void Probe(ProbeContext context) => context.CreateScope(GetType().Name);

    public void Accept(StateMachineVisitor visitor) => visitor.Visit(this);

    protected abstract Task Run(BehaviorContext<RunState, TMessage> context);
}

/// <summary>Base of the activities that need only the run's state, so any event can run them.</summary>
public abstract class RunActivity : IStateMachineActivity<RunState>
{
    public async Task Execute(BehaviorContext<RunState> context, IBehavior<RunState> next)
    {
        await Run(context);
        await next.Execute(context);
    }

    public async Task Execute<T>(BehaviorContext<RunState, T> context, IBehavior<RunState, T> next) where T : class
    {
        await Run(context);
        await next.Execute(context);
    }

    public Task Faulted<TException>(BehaviorExceptionContext<RunState, TException> context, IBehavior<RunState> next)
        where TException : Exception => next.Faulted(context);

    public Task Faulted<T, TException>(BehaviorExceptionContext<RunState, T, TException> context, IBehavior<RunState, T> next)
        where T : class where TException : Exception => next.Faulted(context);

    public void Probe(ProbeContext context) => context.CreateScope(GetType().Name);

    public void Accept(StateMachineVisitor visitor) => visitor.Visit(this);

    protected abstract Task Run(BehaviorContext<RunState> context);
}
