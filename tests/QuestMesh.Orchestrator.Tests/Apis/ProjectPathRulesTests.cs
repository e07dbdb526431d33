using QuestMesh.Orchestrator.Apis.Requests;

namespace QuestMesh.Orchestrator.Tests.Apis;

public sealed class ProjectPathRulesTests
{
    [Theory]
    [InlineData("shop/pricing.py")]
    [InlineData("src/pkg/_private.py")]
    [InlineData("pkg/__init__.py")]
    [InlineData("données/modèle.py")]
    public void TargetProblem_ImportableModule_IsNone(string path) => ProjectPathRules.TargetProblem(path).ShouldBeNull();

    [Theory]
    [InlineData("../x.py", "climbs out")]
    [InlineData("a/../../x.py", "climbs out")]
    [InlineData("/etc/passwd.py", "absolute")]
    [InlineData("~/x.py", "absolute")]
    [InlineData("C:/x.py", "absolute")]
    [InlineData("a\\b.py", "backslash")]
    [InlineData("a//b.py", "empty or '.' part")]
    [InlineData("./a.py", "empty or '.' part")]
    [InlineData("a/b.py/", "empty or '.' part")]
    [InlineData("a\u0000.py", "control characters")]
    [InlineData(" ", "is empty")]
    [InlineData("a/b.txt", "not a Python file")]
    [InlineData("my-pkg/mod.py", "'my-pkg' is not a Python identifier")]
    [InlineData("1st.py", "'1st' is not a Python identifier")]
    [InlineData("pkg/import.py", "'import' is a Python keyword")]
    public void TargetProblem_UnusablePath_SaysWhy(string path, string expected) =>
        ProjectPathRules.TargetProblem(path).ShouldNotBeNull().ShouldContain(expected);

    [Fact]
    public void Problem_VeryLongPath_IsRefused() =>
        ProjectPathRules.Problem(string.Join('/', Enumerable.Repeat("abcdefghij", 120)) + ".py").ShouldNotBeNull().ShouldContain("longer than");
}
