using QuestMesh.Tests.Shared;
using QuestMesh.Tests.Shared.Api;

namespace QuestMesh.Fixer.Tests.Support;

/// <summary>
/// A real project whose one generated-looking suite carries every failure pattern the classifier knows. It lives
/// once, in harness/tests/fixtures/failure_patterns, and the harness's own tests run the same suite
/// (test_execute_patterns.py). <c>shop/db.py</c> and the conftest stand in for pytest-django's database blocker,
/// which honours the <c>django_db</c> mark.
/// </summary>
public static class FailurePatterns
{
    public const string Target = "src/shop/cart.py";
    public const string SuiteFile = "tests/test_cart.py";

    private static string Folder { get; } = Path.Combine(
        ApiSamples.RepositoryRoot(), "shared", "QuestMesh.Python", "harness", "tests", "fixtures", "failure_patterns");

    /// <summary>The suite that fails in every way the fixer tells apart.</summary>
    public static string Suite { get; } = File.ReadAllText(Path.Combine(Folder, SuiteFile));

    /// <summary>The project without the suite (the fixer's commands carry it).</summary>
    public static PythonProject Project() => PythonProject.Create(
        Directory.EnumerateFiles(Folder, "*.py", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(Folder, path).Replace('\\', '/'))
            .Where(relative => relative != SuiteFile && !relative.Contains("__pycache__", StringComparison.Ordinal))
            .Select(relative => (relative, File.ReadAllText(Path.Combine(Folder, relative))))
            .ToArray());
}
