using System.Linq.Expressions;
using MassTransit;
using QuestMesh.Orchestrator.StateMachines;

namespace QuestMesh.Orchestrator.Deadlines;

/// <summary>Runs whose step deadline is before <c>now</c>; an expression, so a database repository can translate it.</summary>
public sealed class OverdueRunsQuery(DateTimeOffset now) : ISagaQuery<RunState>
{
    public Expression<Func<RunState, bool>> FilterExpression { get; } =
        run => run.StepDeadline != null && run.StepDeadline < now;

    public Func<RunState, bool> GetFilter() => FilterExpression.Compile();
}
