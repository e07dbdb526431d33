namespace QuestMesh.IntegrationTests.Support;

/// <summary>Where the repository and the solution build's outputs are, found from this test project's own output folder.</summary>
public static class RepositoryLayout
{
    private const string TestProject = "QuestMesh.IntegrationTests.csproj";

    public static string Root { get; } = FolderAbove("QuestMesh.sln");

    /// <summary>The configuration of the solution build this project came from (<c>Release</c> for <c>bin/Release/net10.0</c>).</summary>
    public static string Configuration { get; } =
        Path.GetRelativePath(FolderAbove(TestProject), AppContext.BaseDirectory).Split(Path.DirectorySeparatorChar)[1];

    /// <summary>
    /// A service host's assembly, built by the same solution build as this project: its output sits at the
    /// same place under its own project folder (<c>bin/Release/net10.0</c> when this one runs from there).
    /// </summary>
    public static string ServiceAssembly(string project, string assembly) => BuiltAssembly(Path.Combine("services", project), assembly);

    /// <summary>The assembly of the project in <paramref name="projectFolder"/> (relative to the root), from the same build.</summary>
    public static string BuiltAssembly(string projectFolder, string assembly)
    {
        var outputLayout = Path.GetRelativePath(FolderAbove(TestProject), AppContext.BaseDirectory);
        var path = Path.GetFullPath(Path.Combine(Root, projectFolder, outputLayout, assembly + ".dll"));
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"{path} does not exist: build the solution first (./quest build).", path);
    }

    private static string FolderAbove(string file)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, file)))
            directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException($"{file} not found above {AppContext.BaseDirectory}.");
    }
}
