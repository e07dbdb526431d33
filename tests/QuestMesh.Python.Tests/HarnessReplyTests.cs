using QuestMesh.Contracts;
using QuestMesh.Python;
using QuestMesh.Python.Harness;

namespace QuestMesh.Python.Tests;

public class HarnessReplyTests
{
    private static ProcessResult Result(string stdout, int exitCode = 0, string stderr = "", bool timedOut = false) =>
        new(exitCode, stdout, stderr, timedOut, TimeSpan.FromSeconds(1), false);

    [Fact]
    public void ReadReply_ValidReply_IsDeserialisedFromSnakeCase()
    {
        var reply = HarnessClient.ReadReply<AnalyzeReply>("analyze",
            Result("""{"meta": {"format_version": 1}, "module": "pkg.mod", "statements": 12, "syntax_error": {"line": 3, "message": "invalid syntax"}}"""),
            TimeSpan.FromSeconds(5));

        reply.Module.ShouldBe("pkg.mod");
        reply.Statements.ShouldBe(12);
        reply.SyntaxError.ShouldBe(new SyntaxProblem(3, "invalid syntax"));
    }

    [Fact]
    public void ReadReply_ExploreSkippedTargets_AreRead()
    {
        var reply = HarnessClient.ReadReply<ExploreReply>("explore",
            Result("""
                {"meta": {"format_version": 1}, "test_source": "def test_x():\n    pass\n", "tests": 1,
                 "skipped": [{"target": "Box.size", "stage": "discover", "error_type": "AttributeError",
                              "message": "'Assign' object has no attribute 'name'", "location": "explore/calls/targets.py:201"}]}
                """),
            TimeSpan.FromSeconds(5));

        reply.Skipped.ShouldBe([new SkippedTarget("Box.size", "discover", "AttributeError",
            "'Assign' object has no attribute 'name'", "explore/calls/targets.py:201")]);
    }

    [Fact]
    public void ReadReply_OtherFormatVersion_IsRefused()
    {
        var error = Should.Throw<HarnessException>(() => HarnessClient.ReadReply<AnalyzeReply>("analyze",
            Result("""{"meta": {"format_version": 7}}"""), TimeSpan.FromSeconds(5)));

        error.Message.ShouldContain("format 7");
    }

    [Fact]
    public void ReadReply_ErrorReply_IsABadRequest()
    {
        var error = Should.Throw<HarnessException>(() => HarnessClient.ReadReply<AnalyzeReply>("analyze",
            Result("""{"meta": {"format_version": 1}, "error": "target_file is missing"}""", exitCode: 2), TimeSpan.FromSeconds(5)));

        error.BadRequest.ShouldBeTrue();
        error.Message.ShouldBe("target_file is missing");
    }

    [Fact]
    public void ReadReply_CrashWithoutReply_ShowsTheEndOfStandardError()
    {
        var error = Should.Throw<HarnessException>(() => HarnessClient.ReadReply<AnalyzeReply>("analyze",
            Result("", exitCode: 1, stderr: "Traceback ...\nMemoryError"), TimeSpan.FromSeconds(5)));

        error.Message.ShouldContain("exited with code 1");
        error.Message.ShouldContain("MemoryError");
    }

    [Fact]
    public void ReadReply_TimedOut_SaysSo()
    {
        var error = Should.Throw<HarnessException>(() => HarnessClient.ReadReply<AnalyzeReply>("execute",
            Result("", timedOut: true), TimeSpan.FromSeconds(5)));

        error.TimedOut.ShouldBeTrue();
    }
}
