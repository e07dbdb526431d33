namespace QuestMesh.Contracts;

/// <summary>Where a traceback frame is: the test module, the target, another project file, or a library.</summary>
public static class FrameKinds
{
    public const string Test = "test";
    public const string Target = "target";
    public const string Project = "project";
    public const string Library = "library";
}
