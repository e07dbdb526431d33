using QuestMesh.Contracts;
using QuestMesh.Generator.Strategies;
using QuestMesh.Llm;

namespace QuestMesh.Generator.Hybrid;

/// <summary>One hybrid step's progress: the suite so far, its last run, and what the model's tests came to.</summary>
internal sealed class HybridWork(GenerationRequest request, string targetFile, TestSuite searchSuite)
{
    public GenerationRequest Request { get; } = request;
    public string TargetFile { get; } = targetFile;
    public TestSuite Suite { get; set; } = searchSuite;

    /// <summary>The search's suite run on its own.</summary>
    public ExecutionReport? Baseline { get; set; }

    private ExecutionReport? _current;

    /// <summary>The suite so far run on its own (the baseline until a model test is kept).</summary>
    public ExecutionReport Current
    {
        get => _current ?? Baseline ?? new ExecutionReport();
        set => _current = value;
    }

    public MutationReport? BaselineMutation { get; set; }
    public IReadOnlyList<MutantResult> Survivors { get; set; } = [];
    public int GapsAsked { get; set; }
    public List<string> Functions { get; } = [];
    public List<LlmAnswer> Answers { get; } = [];
    public int FailedCalls { get; set; }
    public List<string> Kept { get; } = [];
    public List<RejectedTest> Rejected { get; } = [];
    public string? LlmFailure { get; set; }
}
