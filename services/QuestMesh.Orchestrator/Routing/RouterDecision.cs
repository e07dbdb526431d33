namespace QuestMesh.Orchestrator.Routing;

/// <param name="Route">What the run does next.</param>
/// <param name="Reason">For <see cref="RouteKind.Finish"/>, one of the termination reasons; else null.</param>
/// <param name="Stagnation">How many finished attempts in a row made no progress (kept in the run's state).</param>
/// <param name="Why">One sentence for people (events.log, the dashboard).</param>
public sealed record RouterDecision(RouteKind Route, string? Reason, int Stagnation, string Why);
