namespace QuestMesh.Contracts;

/// <summary>Whose mistake a failing test shows (<see cref="FixAction.Kind"/>).</summary>
public static class FailureKinds
{
    /// <summary>The test is wrong (or meets the project wrongly): the fixer repairs or removes it.</summary>
    public const string TestMistake = "test_mistake";

    /// <summary>
    /// The target contradicts itself: Python raised inside its own code for a call that looks valid. The test is
    /// removed, never turned into an expectation, and reported as a <see cref="PossibleBug"/>.
    /// </summary>
    public const string CodeBug = "code_bug";
}
