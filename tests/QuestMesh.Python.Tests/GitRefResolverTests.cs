using QuestMesh.Python.Workspaces;

namespace QuestMesh.Python.Tests;

public class GitRefResolverTests
{
    private const string LsRemote =
        "aaaa\tHEAD\n" +
        "bbbb\trefs/heads/main\n" +
        "cccc\trefs/tags/main\n" +
        "dddd\trefs/tags/v1\n" +
        "eeee\trefs/tags/v1^{}\n" +
        "ffff\trefs/remotes/origin/feature\n";

    [Theory]
    [InlineData("HEAD", "aaaa")]
    [InlineData("refs/heads/main", "bbbb")]
    [InlineData("main", "cccc")]
    [InlineData("v1", "eeee")]
    [InlineData("heads/main", "bbbb")]
    [InlineData("feature", null)]
    public void Pick_FollowsGitsOrderAndPeelsAnnotatedTags(string gitRef, string? expected) =>
        GitRefResolver.Pick(LsRemote, gitRef).ShouldBe(expected);

    [Theory]
    [InlineData("0123456789abcdef0123456789abcdef01234567", true)]
    [InlineData("0123456789abcdef", false)]
    [InlineData("main", false)]
    public void IsFullSha_OnlyForWholeShas(string gitRef, bool expected) =>
        GitRefResolver.IsFullSha(gitRef).ShouldBe(expected);
}
