using QuestMesh.Contracts;
using QuestMesh.Orchestrator.Runs;

namespace QuestMesh.Orchestrator.Routing;

/// <summary>
/// The router of DESIGN.md §2, as a pure function of an attempt's figures and the run's budgets.
/// </summary>
/// <remarks>
/// The rules are tried in DESIGN's order, literally: max attempts, no progress, FIX, targets met, ENHANCE.
/// So a run that meets its targets on its last allowed attempt finishes as <c>max-attempts</c>
/// (<see cref="RunCompleted.TargetsMet"/> still tells the truth).
/// What keeps that order from cutting a FIX round off is what "attempts done" means: an attempt whose
/// tests fail while it still has fix rounds is not done yet, it is about to be repaired and checked
/// again. It joins the count (and the progress history) only once it is final.
/// </remarks>
public sealed class RouterPolicy(RouterOptions options)
{
    // Figures arrive as percentages with a few decimals; 81.1 - 80.1 is 0.99999999999999 in doubles.
    private const double Tolerance = 1e-9;

    public RouterDecision Decide(RouterInput input)
    {
        var settings = input.Settings;
        var canFix = input.TestsFailing && input.FixRound < settings.MaxFixRounds;
        IReadOnlyList<AttemptFigures> done = canFix ? input.Earlier : [.. input.Earlier, input.Current];
        var stagnation = Stagnation(done);
        var last = done.Count > 0 ? done[^1] : null;

        if (done.Count >= settings.MaxAttempts)
            return Finish(TerminationReasons.MaxAttempts, stagnation, $"{done.Count} of {settings.MaxAttempts} attempts done");

        if (last is not null && stagnation >= options.NoProgressAttempts && !TargetsMet(last, settings))
            return Finish(TerminationReasons.NoProgress, stagnation, $"{stagnation} attempts in a row without progress");

        if (canFix)
            return new RouterDecision(RouteKind.Fix, null, stagnation,
                $"tests fail; fix round {input.FixRound + 1} of {settings.MaxFixRounds}");

        if (TargetsMet(input.Current, settings))
            return Finish(TerminationReasons.TargetsMet, stagnation,
                $"coverage {input.Current.Coverage:0.#} ≥ {settings.TargetCoverage:0.#} and mutation {input.Current.MutationScore:0.#} ≥ {settings.TargetMutation:0.#}");

        return new RouterDecision(RouteKind.Enhance, null, stagnation, "below target; enhance the suite");
    }

    /// <summary>An attempt is progress when coverage or mutation rose enough over the attempt before it.</summary>
    public bool IsProgress(AttemptFigures previous, AttemptFigures current) =>
        current.Coverage - previous.Coverage >= options.CoverageProgressPoints - Tolerance
        || current.MutationScore - previous.MutationScore >= options.MutationProgressPoints - Tolerance;

    /// <summary>Both targets reached by a suite whose tests all pass: a failing suite meets no target, whatever it covers.</summary>
    public static bool TargetsMet(AttemptFigures figures, RunSettings settings) =>
        AttemptScoring.Passed(figures)
        && figures.Coverage >= settings.TargetCoverage - Tolerance
        && figures.MutationScore >= settings.TargetMutation - Tolerance;

    /// <summary>Finished attempts at the end of the history that made no progress (the first attempt has nothing to beat).</summary>
    private int Stagnation(IReadOnlyList<AttemptFigures> done)
    {
        var count = 0;
        for (var i = done.Count - 1; i >= 1 && !IsProgress(done[i - 1], done[i]); i--)
            count++;
        return count;
    }

    private static RouterDecision Finish(string reason, int stagnation, string why) =>
        new(RouteKind.Finish, reason, stagnation, why);
}
