namespace QuestMesh.IntegrationTests.Support;

/// <summary>Where the repository and its build outputs are, found from the test's own output folder.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    /// <summary>The build configuration the tests were built in (the output folder's <c>bin/&lt;Configuration&gt;/</c>).</summary>
    public static string Configuration { get; } = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "QuestMesh.sln")))
            directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("QuestMesh.sln not found above the test's folder.");
    }
}
