using QuestMesh.Contracts;

namespace QuestMesh.Python.Harness;

/// <summary>Typed calls of each harness command (PROTOCOL.md beside the harness package).</summary>
public static class HarnessCommands
{
    public static Task<AnalyzeReply> AnalyzeAsync(this HarnessClient harness, string projectDir, string targetFile, CancellationToken ct = default) =>
        harness.RunAsync<AnalyzeReply>("analyze", new { ProjectDir = projectDir, TargetFile = targetFile }, projectDir, cancellationToken: ct);

    public static Task<ExecutionReport> ExecuteAsync(this HarnessClient harness, string projectDir, string targetFile, string testFile,
        TimeSpan timeout, CancellationToken ct = default) =>
        harness.ExecuteAsync(projectDir, targetFile, testFile, timeout, shuffleSeed: null, ct);

    /// <summary>With a <paramref name="shuffleSeed"/> the tests run in that seed's shuffled order (the flaky check).</summary>
    public static Task<ExecutionReport> ExecuteAsync(this HarnessClient harness, string projectDir, string targetFile, string testFile,
        TimeSpan timeout, int? shuffleSeed, CancellationToken ct = default) =>
        harness.RunAsync<ExecutionReport>("execute",
            new
            {
                ProjectDir = projectDir, TargetFile = targetFile, TestFile = testFile, Framework = "auto",
                TimeoutSeconds = (int)timeout.TotalSeconds, ShuffleSeed = shuffleSeed,
            },
            projectDir, timeout + TimeSpan.FromSeconds(30), ct);

    public static Task<MutationReport> MutateAsync(this HarnessClient harness, string projectDir, string targetFile, string tests,
        int? maxMutants, int seed, TimeSpan timeout, CancellationToken ct = default) =>
        harness.RunAsync<MutationReport>("mutate",
            new { ProjectDir = projectDir, TargetFile = targetFile, Tests = tests, MaxMutants = maxMutants, Seed = seed, Workers = Environment.ProcessorCount },
            projectDir, timeout, ct);

    public static Task<StaticReply> StaticAsync(this HarnessClient harness, string source, string workingDirectory, CancellationToken ct = default) =>
        harness.RunAsync<StaticReply>("static", new { Source = source }, workingDirectory, TimeSpan.FromSeconds(60), ct);

    public static Task<PatchReply> PatchAsync(this HarnessClient harness, string source, string op, string name, string? code,
        string workingDirectory, CancellationToken ct = default) =>
        harness.RunAsync<PatchReply>("patch", new { Source = source, Op = op, Name = name, Code = code }, workingDirectory, TimeSpan.FromSeconds(60), ct);
}
