using QuestMesh.Contracts;
using QuestMesh.Tests.Shared;

namespace QuestMesh.Runner.Tests.Support;

/// <summary>An <see cref="ExecuteTests"/> for a suite of a test project's <c>calc.py</c>, with a fresh step.</summary>
internal static class RunnerCommands
{
    public static ExecuteTests Execute(PythonProject project, string suite, string testFile = "tests/test_calc.py") => new()
    {
        RunId = Guid.NewGuid(),
        Attempt = 1,
        StepId = Guid.NewGuid(),
        Source = new SourceSpec { Kind = SourceKinds.Path, Path = project.Path },
        TargetFile = "calc.py",
        Suite = new TestSuite(testFile, suite),
    };
}
