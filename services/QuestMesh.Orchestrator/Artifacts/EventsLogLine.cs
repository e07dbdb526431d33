using System.Globalization;
using System.Text.RegularExpressions;
using QuestMesh.Orchestrator.StateMachines;

namespace QuestMesh.Orchestrator.Artifacts;

/// <summary>
/// One <c>events.log</c> line: <c>t=&lt;ms since submission&gt; run=&lt;id&gt; attempt=&lt;n&gt; state=&lt;S&gt; status=&lt;s&gt; cov=&lt;x&gt;</c>,
/// the seed's fields first and in its order, then <c>mut=</c>, <c>step=</c> (the StepId of the message that
/// caused it: the line's key) and a quoted <c>detail=</c>. Unknown figures print as <c>-</c>.
/// </summary>
public static partial class EventsLogLine
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

    /// <summary>A line <see cref="Format"/> wrote, read back (event streams replay a run from it); null for any other text.</summary>
    public static EventsLogEntry? Parse(string line)
    {
        var match = LinePattern().Match(line);
        if (!match.Success || !Guid.TryParse(match.Groups["step"].Value, out var step))
            return null;
        return new EventsLogEntry(
            long.Parse(match.Groups["t"].Value, CultureInfo.InvariantCulture),
            int.Parse(match.Groups["attempt"].Value, CultureInfo.InvariantCulture),
            match.Groups["state"].Value,
            match.Groups["status"].Value,
            ParseFigure(match.Groups["cov"].Value),
            ParseFigure(match.Groups["mut"].Value),
            step,
            match.Groups["detail"].Success ? match.Groups["detail"].Value : null);
    }

    private static double? ParseFigure(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

    [GeneratedRegex("""^t=(?<t>-?\d{1,15}) run=\S+ attempt=(?<attempt>\d{1,9}) state=(?<state>\S+) status=(?<status>\S*) cov=(?<cov>\S+) mut=(?<mut>\S+) step=(?<step>\S+)(?: detail="(?<detail>.*)")?$""")]
    private static partial Regex LinePattern();
}

/// <summary>One <c>events.log</c> line's facts; <see cref="ElapsedMilliseconds"/> counts from the run's submission.</summary>
public sealed record EventsLogEntry(
    long ElapsedMilliseconds, int Attempt, string State, string Status, double? Coverage, double? MutationScore, Guid StepId, string? Detail);
