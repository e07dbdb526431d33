using Microsoft.Extensions.DependencyInjection;
using QuestMesh.Contracts;
using QuestMesh.Fixer.Classification;
using QuestMesh.Python;
using QuestMesh.Python.Harness;
using QuestMesh.Tests.Shared;

namespace QuestMesh.Fixer.Tests.Support;

/// <summary>
/// <see cref="FailurePatterns"/> run once by the real harness, plus three modules that fail as a whole (a syntax
/// error, no test, a test that never ends), classified as the fixer classifies them.
/// </summary>
public sealed class PatternRun : IAsyncLifetime
{
    private readonly FailureClassifier _classifier = new();
    private readonly PythonProject _project = FailurePatterns.Project();
    private ServiceTestHost _host = null!;

    public IReadOnlyDictionary<string, Failure> Tests { get; private set; } = new Dictionary<string, Failure>();
    public IReadOnlyDictionary<string, Failure> Modules { get; private set; } = new Dictionary<string, Failure>();

    public async Task InitializeAsync()
    {
        _host = await ServiceTestHost.StartAsync(b => b.AddFixer());
        var report = await ExecuteAsync(FailurePatterns.SuiteFile, FailurePatterns.Suite, 60);
        Tests = _classifier.ClassifyAll(report, FailurePatterns.SuiteFile).ToDictionary(f => f.PatchName!);
        Modules = new Dictionary<string, Failure>
        {
            ["syntax"] = await ModuleAsync("tests/test_syntax.py", "def test_x(:\n    pass\n", 60),
            ["empty"] = await ModuleAsync("tests/test_empty.py", "def helper():\n    return 1\n", 60),
            ["endless"] = await ModuleAsync("tests/test_endless.py", "def test_loop():\n    while True:\n        pass\n", 3),
        };
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _project.Dispose();
    }

    private async Task<ExecutionReport> ExecuteAsync(string path, string suite, int seconds)
    {
        _project.Write(path, suite);
        var harness = _host.Services.GetRequiredService<HarnessClient>();
        return await harness.ExecuteAsync(_project.Path, FailurePatterns.Target, path, TimeSpan.FromSeconds(seconds));
    }

    private async Task<Failure> ModuleAsync(string path, string suite, int seconds) =>
        _classifier.ClassifyAll(await ExecuteAsync(path, suite, seconds), path).Single();
}
