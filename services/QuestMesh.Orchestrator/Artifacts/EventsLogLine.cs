using System.Globalization;
using QuestMesh.Orchestrator.StateMachines;

namespace QuestMesh.Orchestrator.Artifacts;

/// <summary>
/// One <c>events.log</c> line: <c>t=&lt;ms since submission&gt; run=&lt;id&gt; attempt=&lt;n&gt; state=&lt;S&gt; status=&lt;s&gt; cov=&lt;x&gt;</c>,
/// the seed's fields first and in its order, then <c>mut=</c>, <c>step=</c> (the StepId of the message that
/// caused it: the line's key) and a quoted <c>detail=</c>. Unknown figures print as <c>-</c>.
/// </summary>
public static class EventsLogLine
{
    public static string KeyOf(Guid stepKey) => $"step={stepKey}";

    public static string Format(RunState run, DateTimeOffset now, Guid stepKey)
    {
        var figures = run.CurrentFigures;
        var line = string.Create(CultureInfo.InvariantCulture,
            $"t={(long)(now - run.SubmittedAt).TotalMilliseconds} run={run.CorrelationId} attempt={run.Attempt} state={run.CurrentState} status={run.Status} cov={Figure(figures?.Coverage)} mut={Figure(figures?.MutationScore)} {KeyOf(stepKey)}");
        return run.StatusDetail is { Length: > 0 } detail
            ? $"{line} detail=\"{detail.Replace("\"", "'").ReplaceLineEndings(" ")}\""
            : line;
    }

    private static string Figure(double? value) =>
        value is { } v ? v.ToString("0.0#", CultureInfo.InvariantCulture) : "-";
}
