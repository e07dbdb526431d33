using System.Text.Json;
using QuestMesh.Standalone.Cli;

namespace QuestMesh.Standalone.Tests.Repository;

/// <summary>
/// One whole-repository run of samples/storefront (its git checkout), shared by the acceptance tests: offline
/// search, one attempt of 3 s per module, two module runs at once, at most 10 mutants, a gate it should pass, and the
/// tests pushed to a branch.
/// </summary>
public sealed class StorefrontRunFixture : IAsyncLifetime
{
    public const string Branch = "questmesh/tests";
    public const double MinCoverage = 60;
    public const double MinDelta = 20;

    private readonly StorefrontRepository _repository = new();

    public int ExitCode { get; private set; }
    public string Output { get; private set; } = "";
    public IReadOnlyDictionary<string, string> Before { get; private set; } = new Dictionary<string, string>();
    public string HeadBefore { get; private set; } = "";

    internal StorefrontRepository Repository => _repository;
    public string Artifacts => _repository.Output;

    public async Task InitializeAsync()
    {
        Before = _repository.Snapshot();
        HeadBefore = StorefrontRepository.Git(_repository.Work, "rev-parse", "HEAD").Trim();
        var console = new CliConsole();
        ExitCode = await CliApp.RunAsync(
            ["run", _repository.Work, "--out", Artifacts, "--strategy", "search", "--budget", "3", "--max-attempts", "1", "--max-mutants", "10",
             "--module-budget", "300", "--parallel", "2", "--min-coverage", "60", "--min-delta", "20", "--push-branch", Branch],
            console.Console, CancellationToken.None);
        Output = console.Output;
    }

    public Task DisposeAsync()
    {
        _repository.Dispose();
        return Task.CompletedTask;
    }

    public string Text(string name) => File.ReadAllText(Path.Combine(Artifacts, name));

    public JsonElement Json(string name) => JsonDocument.Parse(Text(name)).RootElement;
}
