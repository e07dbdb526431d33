namespace QuestMesh.Tests.Shared;

/// <summary>A tiny real Python project in a temporary folder, removed when disposed.</summary>
public sealed class PythonProject : IDisposable
{
    private PythonProject(DirectoryInfo root) => Root = root;

    public DirectoryInfo Root { get; }

    public string Path => Root.FullName;

    public static PythonProject Create(params (string Path, string Content)[] files)
    {
        var project = new PythonProject(Directory.CreateTempSubdirectory("questmesh-test-project-"));
        foreach (var (path, content) in files)
            project.Write(path, content);
        return project;
    }

    public void Write(string relativePath, string content)
    {
        var full = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
    }

    public void Dispose() => Root.Delete(recursive: true);

    /// <summary>A module with one function of two branches.</summary>
    public const string Calc = """
        def classify(n):
            if n < 0:
                return "negative"
            return "non-negative"
        """;

    public const string PassingSuite = """
        from calc import classify


        def test_negative():
            assert classify(-1) == "negative"


        def test_non_negative():
            assert classify(3) == "non-negative"
        """;

    public const string FailingSuite = """
        from calc import classify


        def test_wrong_expectation():
            assert classify(-1) == "positive"
        """;

    public const string ImportErrorSuite = """
        from calc import no_such_function


        def test_never_runs():
            assert no_such_function() == 1
        """;
}
