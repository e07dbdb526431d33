namespace QuestMesh.Supervisor.Reliability;

/// <summary>Prefixes of reasons in <c>post_reliability.json</c>, so the critique can recognise them.</summary>
public static class ReliabilityReasons
{
    public const string NoTestsRan = "no tests ran";
    public const string CompileError = "compile error:";
    public const string AllFail = "all tests fail:";
    public const string SomeFail = "failing tests:";
    public const string LowPreReliability = "low pre-reliability:";
    public const string Flaky = "flaky-looking:";
    public const string FlakyTests = "flaky tests:";
    public const string AssertionFree = "assertion-free:";
    public const string BelowTarget = "below target:";
    public const string RunnerError = "runner error:";
}
