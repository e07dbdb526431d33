namespace QuestMesh.Contracts;

/// <summary>The test frameworks the task API writes for.</summary>
public static class TestFrameworks
{
    public const string Pytest = "pytest";
    public const string Unittest = "unittest";

    public static readonly IReadOnlyList<string> All = [Pytest, Unittest];
}
