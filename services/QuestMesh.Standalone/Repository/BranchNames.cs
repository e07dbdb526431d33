namespace QuestMesh.Standalone.Repository;

/// <summary>The branch names <c>git check-ref-format --branch</c> accepts, checked before anything runs.</summary>
public static class BranchNames
{
    public static bool IsValid(string name) =>
        name.Length is > 0 and <= 200
        && !name.StartsWith('-') && !name.StartsWith('/') && !name.EndsWith('/') && !name.EndsWith('.') && !name.EndsWith(".lock", StringComparison.Ordinal)
        && !name.Contains("..", StringComparison.Ordinal) && !name.Contains("//", StringComparison.Ordinal) && !name.Contains("@{", StringComparison.Ordinal)
        && name != "@"
        && name.Split('/').All(part => !part.StartsWith('.'))
        && name.All(c => c > ' ' && c != 127 && c is not ('~' or '^' or ':' or '?' or '*' or '[' or '\\'));
}
