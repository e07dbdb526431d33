using System.Globalization;
using MassTransit;
using QuestMesh.Contracts;
using QuestMesh.Orchestrator.Runs;

namespace QuestMesh.Orchestrator.StateMachines.Activities;

/// <summary>
/// The final suite came back (or the step ended without one). It is handed over only when its tests all pass and
/// its coverage and mutation score are at least the best attempt's; otherwise the best attempt's suite stands and
/// the run says why.
/// </summary>
public sealed class AcceptFinalActivity(RunDocuments documents) : RunActivity<SuiteFinalized>
{
    private const double Tolerance = 1e-9;

    protected override async Task Run(BehaviorContext<RunState, SuiteFinalized> context)
    {
        var run = context.Saga;
        var message = context.Message;
        run.FinalizeStepId = null;
        run.RecordStep(StepNames.Finalize, message.DurationSeconds);
        var best = run.BestFigures;
        if (message.Suite is null || message.Execution is null || best is null)
        {
            run.FinalNote = $"the best attempt's suite stands: {message.Error ?? "no final suite came back"}";
            return;
        }
        var figures = AttemptScoring.Figures(best.Attempt, message.Execution);
        if (!AttemptScoring.Passed(figures) || figures.Coverage < best.Coverage - Tolerance || figures.MutationScore < best.MutationScore - Tolerance)
        {
            run.FinalNote = $"the best attempt's suite stands: the union of the attempts reached coverage {Points(figures.Coverage)} %, " +
                $"mutation {Points(figures.MutationScore)} % ({figures.Status}), below attempt {best.Attempt}'s {Points(best.Coverage)} % / {Points(best.MutationScore)} %";
            return;
        }
        run.FinalSuite = await documents.Put(run.CorrelationId, DocumentKinds.Suite, message.Suite, context.CancellationToken);
        run.FinalFigures = figures;
        run.Contributions = message.Contributions.ToList();
        run.FinalDropped = message.Dropped.Count;
        var from = string.Join(", ", message.Contributions.Select(c => $"{c.Tests} from attempt {c.Attempt}"));
        run.FinalNote = $"the union of the attempts' passing suites ({from}), {message.Dropped.Count} redundant tests left out: " +
            $"coverage {Points(figures.Coverage)} %, mutation {Points(figures.MutationScore)} %";
    }

    private static string Points(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
