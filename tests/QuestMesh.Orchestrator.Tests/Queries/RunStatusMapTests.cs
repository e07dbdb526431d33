using QuestMesh.Contracts;
using QuestMesh.Orchestrator.Queries;
using QuestMesh.Orchestrator.StateMachines;

namespace QuestMesh.Orchestrator.Tests.Queries;

public class RunStatusMapTests
{
    [Theory]
    [InlineData(nameof(RunStateMachine.Generating), RunStatuses.Running)]
    [InlineData(nameof(RunStateMachine.Fixing), RunStatuses.Running)]
    [InlineData(nameof(RunStateMachine.Finalizing), RunStatuses.Running)]
    [InlineData(nameof(RunStateMachine.Completed), RunStatuses.Completed)]
    [InlineData(RunStatusMap.Initial, RunStatuses.Pending)]
    public void A_saga_state_has_the_status_a_client_filters_by(string state, string status)
    {
        RunStatusMap.StatusOf(state).ShouldBe(status);
        RunStatusMap.StatesOf(status).ShouldContain(state);
    }
}
