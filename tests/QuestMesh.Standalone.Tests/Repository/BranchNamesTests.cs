using QuestMesh.Standalone.Repository;

namespace QuestMesh.Standalone.Tests.Repository;

public sealed class BranchNamesTests
{
    [Theory]
    [InlineData("questmesh/tests", true)]
    [InlineData("qm-tests_2", true)]
    [InlineData("", false)]
    [InlineData("-x", false)]
    [InlineData("a..b", false)]
    [InlineData("a b", false)]
    [InlineData("a/.hidden", false)]
    [InlineData("x.lock", false)]
    [InlineData("a~1", false)]
    [InlineData("@", false)]
    [InlineData("trailing/", false)]
    public void IsValid_FollowsGitsRules(string name, bool valid) => BranchNames.IsValid(name).ShouldBe(valid);
}
