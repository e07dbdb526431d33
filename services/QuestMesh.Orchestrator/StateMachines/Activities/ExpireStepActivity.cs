using MassTransit;
using Microsoft.Extensions.Options;
using QuestMesh.Contracts;

namespace QuestMesh.Orchestrator.StateMachines.Activities;

/// <summary>
/// The awaited step's deadline passed (a worker died, a message was lost, a service restarted). Counts
/// the re-send, or ends the run once the retry limit is spent.
/// </summary>
public sealed class ExpireStepActivity(IOptions<OrchestratorOptions> options) : RunActivity<StepTimedOut>
{
    protected override Task Run(BehaviorContext<RunState, StepTimedOut> context)
    {
        var run = context.Saga;
        var limit = options.Value.StepRetryLimit;
        var steps = run.AwaitedSteps();
        if (run.StepRetries >= limit)
        {
            run.Terminate(TerminationReasons.Failed($"step-timeout:{steps}"),
                $"no reply to {steps} after {limit + 1} sends");
            return Task.CompletedTask;
        }

        run.StepRetries++;
        run.Status = "step-timeout";
        run.StatusDetail = $"re-sending {steps} (retry {run.StepRetries} of {limit})";
        return Task.CompletedTask;
    }
}
