namespace QuestMesh.Contracts;

public static class SourceKinds
{
    public const string Path = "path";
    public const string Git = "git";
    public const string Archive = "archive";
    public const string Inline = "inline";
}
