namespace QuestMesh.Orchestrator.Routing;

/// <summary>Where a run goes after an attempt has been critiqued.</summary>
public enum RouteKind
{
    /// <summary>Repair the failing tests of this attempt, then check it again.</summary>
    Fix,

    /// <summary>Start the next attempt by improving the suite along the critique.</summary>
    Enhance,

    /// <summary>Stop; <see cref="RouterDecision.Reason"/> says why.</summary>
    Finish,
}
