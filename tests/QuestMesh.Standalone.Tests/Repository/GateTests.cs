using QuestMesh.Orchestrator.Repositories;
using QuestMesh.Standalone.Repository;

namespace QuestMesh.Standalone.Tests.Repository;

public sealed class GateTests
{
    [Fact]
    public void Evaluate_NoThresholds_Passes()
    {
        var gate = Gate.Evaluate(new GateThresholds(null, null), 10, 5);

        gate.Passed.ShouldBeTrue();
        gate.HasThresholds.ShouldBeFalse();
    }

    [Theory]
    [InlineData(80.0, null, 40.0, 80.0, true)]
    [InlineData(80.0, null, 40.0, 79.96, true)] // shown as 80.0 %, so it holds
    [InlineData(80.0, null, 40.0, 79.94, false)]
    [InlineData(null, 5.0, 40.0, 45.0, true)]
    [InlineData(null, 5.0, 40.0, 44.9, false)]
    [InlineData(null, -1.0, 40.0, 39.5, true)]
    [InlineData(50.0, 5.0, 49.0, 60.0, true)]
    public void Evaluate_ComparesAsShown(double? minCoverage, double? minDelta, double before, double after, bool passes) =>
        Gate.Evaluate(new GateThresholds(minCoverage, minDelta), before, after).Passed.ShouldBe(passes);

    [Fact]
    public void Evaluate_BothMissed_NamesEachWithItsFigure()
    {
        var gate = Gate.Evaluate(new GateThresholds(90, 10), 40, 45.25);

        gate.Passed.ShouldBeFalse();
        gate.Failures.ShouldBe(["coverage 45.3 % < 90 %", "delta +5.3 < 10 points"]);
    }
}
