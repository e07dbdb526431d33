using QuestMesh.Contracts;

namespace QuestMesh.Benchmarks.Distributed;

/// <summary>A way to run QuestMesh: submit a run, wait for its end, read its figures.</summary>
public interface IRunPath : IAsyncDisposable
{
    string Name { get; }

    Task<RunSample> RunAsync(SubmitRun submit, CancellationToken cancellationToken);
}
