using QuestMesh.Contracts;
using QuestMesh.Orchestrator.Artifacts;
using QuestMesh.Orchestrator.StateMachines;

namespace QuestMesh.Orchestrator.Tests.Artifacts;

/// <summary>An events.log line reads back as the facts it was written from (event streams replay runs from it).</summary>
public sealed class EventsLogLineTests
{
    [Fact]
    public void Parse_LineOfFormat_GivesItsFacts()
    {
        var submitted = DateTimeOffset.Parse("2026-12-01T10:00:00Z");
        var run = RunState.Create(Guid.NewGuid());
        run.SubmittedAt = submitted;
        run.CurrentState = "Critiquing";
        run.Status = "executed";
        run.Attempt = 1;
        run.StatusDetail = "passed: 3 of 3 \"tests\"\npassed";
        run.UpsertFigures(new AttemptFigures { Attempt = 1, Coverage = 87.5, MutationScore = 40 });
        var step = Guid.NewGuid();

        var entry = EventsLogLine.Parse(EventsLogLine.Format(run, submitted.AddMilliseconds(1234), step)).ShouldNotBeNull();

        entry.ShouldBe(new EventsLogEntry(1234, 1, "Critiquing", "executed", 87.5, 40, step, "passed: 3 of 3 'tests' passed"));
    }

    [Fact]
    public void Parse_LineWithoutFigures_GivesNulls()
    {
        var run = RunState.Create(Guid.NewGuid());
        run.CurrentState = "Generating";
        run.Status = "submitted";

        var entry = EventsLogLine.Parse(EventsLogLine.Format(run, run.SubmittedAt, run.CorrelationId)).ShouldNotBeNull();

        entry.Coverage.ShouldBeNull();
        entry.MutationScore.ShouldBeNull();
        entry.Detail.ShouldBeNull();
        entry.StepId.ShouldBe(run.CorrelationId);
    }

    [Theory]
    [InlineData("")]
    [InlineData("t=1 run=x attempt=0 state=Generating")]
    [InlineData("t=1 run=x attempt=0 state=Generating status=s cov=- mut=- step=not-a-guid")]
    public void Parse_OtherText_GivesNull(string line) => EventsLogLine.Parse(line).ShouldBeNull();
}
