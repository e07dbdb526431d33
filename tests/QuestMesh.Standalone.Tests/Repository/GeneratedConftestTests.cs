using QuestMesh.Orchestrator.Repositories;
using QuestMesh.Python.Harness;

namespace QuestMesh.Standalone.Tests.Repository;

/// <summary>Whether the generated tests' conftest.py goes with them, and when the combined suite drops it.</summary>
public sealed class GeneratedConftestTests
{
    private static readonly GeneratedConftest FastApi = new()
    {
        Path = "tests/generated/conftest.py", Framework = "fastapi", Source = "import pytest\n", Fixtures = ["client"], Requires = ["fastapi"],
        Reason = "a TestClient of the FastAPI app `api.main.app`",
    };

    [Fact]
    public void Decide_TheFrameworkIsNotInstalled_DoesNotWriteIt()
    {
        var decision = ConftestDecision.Decide(FastApi, [new MissingImport("fastapi", ["api/main.py"])]);

        decision.Conftest.ShouldBeNull();
        decision.Reason.ShouldBe("not written: fastapi is not installed where the tests run");
    }

    [Fact]
    public void Decide_TheFrameworkIsThere_WritesIt()
    {
        var decision = ConftestDecision.Decide(FastApi, [new MissingImport("yaml", ["api/feeds.py"])]);

        decision.Conftest.ShouldBe(FastApi);
        decision.Reason.ShouldBe(FastApi.Reason);
    }

    [Fact]
    public void Decide_TheSurveyWroteNone_SaysWhy() =>
        ConftestDecision.Decide(FastApi with { Source = null, Reason = "plain Python: the generated tests need no conftest.py" }, [])
            .ShouldBe(new ConftestDecision(null, "plain Python: the generated tests need no conftest.py"));

    [Fact]
    public void BrokenConftest_ItRaisedAsPytestLoadedIt_IsDroppedWithTheError()
    {
        var reply = new MeasureReply { ConftestErrors = [new ConftestError("tests/generated/conftest.py", "ModuleNotFoundError", "No module named 'fastapi'")] };

        var drop = CombinedSuite.BrokenConftest(reply, FastApi);

        drop.ShouldBe(new DroppedTest("tests/generated/conftest.py", null,
            "does not load, so pytest ran nothing: ModuleNotFoundError: No module named 'fastapi'"));
    }

    [Fact]
    public void BrokenConftest_TheRepositorysOwnRaised_IsNotOursToDrop() =>
        CombinedSuite.BrokenConftest(new MeasureReply { ConftestErrors = [new ConftestError("tests/conftest.py", "ImportError", "x")] }, FastApi)
            .ShouldBeNull();
}
