namespace QuestMesh.Fixer.Classification;

/// <summary>Where an exception was raised: in the test's own code, or deeper, in the code under test.</summary>
public enum FailureOrigin
{
    Unknown,
    Test,
    CodeUnderTest,
}
