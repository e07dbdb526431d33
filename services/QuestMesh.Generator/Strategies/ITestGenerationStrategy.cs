namespace QuestMesh.Generator.Strategies;

/// <summary>One way of writing a suite. Problems a person can fix come back as <see cref="GenerationResult.Error"/>, not as exceptions.</summary>
public interface ITestGenerationStrategy
{
    string Name { get; }

    Task<GenerationResult> GenerateAsync(GenerationRequest request, CancellationToken cancellationToken);
}
