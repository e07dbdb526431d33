using MassTransit;
using QuestMesh.Contracts;

namespace QuestMesh.IntegrationTests.Support;

/// <summary>Runs on the bundled sample module <c>samples/shop/shop/pricing.py</c>, sent inline.</summary>
public static class ShopRuns
{
    public const string TargetFile = "shop/pricing.py";

    /// <summary>One attempt, the offline search and a sample of mutants: a whole run in seconds.</summary>
    public static readonly RunSettings Small = new() { MaxAttempts = 1, Strategy = "search", SearchBudgetSeconds = 10, MaxMutants = 20 };

    /// <summary>The artifacts every finished one-attempt run leaves (DESIGN.md §4).</summary>
    public static readonly string[] SeedArtifacts =
    [
        "context.json", "target_code.py", "events.log", "run_summary.json",
        "attempt_0.request.json", "attempt_0.test_src.py", "attempt_0.llm_metadata.json", "attempt_0.static.json",
        "attempt_0.pre_reliability.json", "attempt_0.response.json", "attempt_0.post_reliability.json",
        "attempt_0.critique.json", "attempt_0.metrics.json",
    ];

    private static readonly Lazy<string> Pricing = new(() =>
        File.ReadAllText(Path.Combine(RepositoryLayout.Root, "samples", "shop", "shop", "pricing.py")));

    public static SubmitRun Submit(RunSettings? settings = null) => new()
    {
        RunId = NewId.NextGuid(),
        Source = new SourceSpec
        {
            Kind = SourceKinds.Inline,
            Files = [new InlineFile(TargetFile, Pricing.Value), new InlineFile("shop/__init__.py", "")],
        },
        TargetFile = TargetFile,
        Settings = settings ?? Small,
    };
}
