using QuestMesh.Contracts;

namespace QuestMesh.Python.Harness;

/// <summary>Typed calls of each harness command (PROTOCOL.md beside the harness package).</summary>
public static class HarnessCommands
{
    /// <summary>Reads the target with the AST only: nothing of the project is imported, and it runs in a private empty folder.</summary>
    public static Task<AnalyzeReply> AnalyzeAsync(this HarnessClient harness, string projectDir, string targetFile, CancellationToken ct = default) =>
        harness.RunAsync<AnalyzeReply>("analyze", new { ProjectDir = projectDir, TargetFile = targetFile }, workspace: null, cancellationToken: ct);

    public static Task<ExecutionReport> ExecuteAsync(this HarnessClient harness, string projectDir, string targetFile, string testFile,
        TimeSpan timeout, CancellationToken ct = default) =>
        harness.ExecuteAsync(projectDir, targetFile, testFile, timeout, shuffleSeed: null, ct);

    /// <summary>With a <paramref name="shuffleSeed"/> the tests run in that seed's shuffled order (the flaky check).</summary>
    public static Task<ExecutionReport> ExecuteAsync(this HarnessClient harness, string projectDir, string targetFile, string testFile,
        TimeSpan timeout, int? shuffleSeed, CancellationToken ct = default) =>
        harness.ExecuteAsync(projectDir, targetFile, testFile, timeout, shuffleSeed, testArcs: false, ct);

    /// <summary>With <paramref name="testArcs"/> the coverage report also holds each test's arcs.</summary>
    public static Task<ExecutionReport> ExecuteAsync(this HarnessClient harness, string projectDir, string targetFile, string testFile,
        TimeSpan timeout, int? shuffleSeed, bool testArcs, CancellationToken ct = default) =>
        harness.RunAsync<ExecutionReport>("execute",
            new
            {
                ProjectDir = projectDir, TargetFile = targetFile, TestFile = testFile, Framework = "auto",
                TimeoutSeconds = (int)timeout.TotalSeconds, ShuffleSeed = shuffleSeed, TestArcs = testArcs,
            },
            projectDir, timeout + TimeSpan.FromSeconds(30), ct);

    public static Task<MutationReport> MutateAsync(this HarnessClient harness, string projectDir, string targetFile, string tests,
        int? maxMutants, int seed, TimeSpan timeout, CancellationToken ct = default) =>
        harness.RunAsync<MutationReport>("mutate",
            new { ProjectDir = projectDir, TargetFile = targetFile, Tests = tests, MaxMutants = maxMutants, Seed = seed, Workers = Environment.ProcessorCount },
            projectDir, timeout, ct);

    /// <summary>Parses the suite's text only; it runs in a private empty folder, never where the project is.</summary>
    public static Task<StaticReply> StaticAsync(this HarnessClient harness, string source, CancellationToken ct = default) =>
        harness.StaticAsync(source, targetFile: null, ct);

    /// <summary>As above; with the target's path the reply also names its import module.</summary>
    public static Task<StaticReply> StaticAsync(this HarnessClient harness, string source, string? targetFile, CancellationToken ct = default) =>
        harness.StaticAsync(source, targetFile, new StaticLinters(), ct);

    /// <summary>As above, also running pylint, mypy and flake8 (each in a child process, within the linters' time limit) when switched on.</summary>
    public static Task<StaticReply> StaticAsync(this HarnessClient harness, string source, string? targetFile, StaticLinters linters,
        CancellationToken ct = default) =>
        harness.RunAsync<StaticReply>("static", new
        {
            Source = source,
            TargetFile = targetFile,
            Linters = new Dictionary<string, bool> { ["pylint"] = linters.Pylint, ["mypy"] = linters.Mypy, ["flake8"] = linters.Flake8 },
            LinterTimeoutSeconds = linters.TimeoutSeconds,
            linters.MaxLineLength,
            linters.MaxComplexity,
        }, workspace: null, TimeSpan.FromSeconds(60 + 3 * linters.TimeoutSeconds), ct);

    /// <summary>Edits the module's text only (AST); it runs in a private empty folder, never where the project is.</summary>
    public static Task<PatchReply> PatchAsync(this HarnessClient harness, string source, string op, string name, string? code,
        CancellationToken ct = default) =>
        harness.PatchAsync(source, new PatchEdit(op) { Name = name, Code = code }, ct);

    /// <summary>
    /// One edit of the module (AST-validated). It runs in a private empty folder; the import edits read the
    /// project's file names and the target's text (never importing them). A refused edit is a bad request
    /// whose message says why.
    /// </summary>
    public static Task<PatchReply> PatchAsync(this HarnessClient harness, string source, PatchEdit edit, CancellationToken ct = default) =>
        harness.RunAsync<PatchReply>("patch", new
        {
            Source = source, edit.Op, edit.Name, edit.Code, edit.Line, edit.Value, edit.Exception, edit.ExceptionModule,
            edit.ProjectDir, edit.TargetFile, edit.TestFile, edit.MissingModule, edit.MissingName, edit.ImportedFrom,
            edit.FromSource,
        }, workspace: null, TimeSpan.FromSeconds(60), ct);

    /// <summary>Reads the target with the AST only (nothing imported): import path, test style, mined context and the gaps' source text.</summary>
    public static Task<BriefReply> BriefAsync(this HarnessClient harness, string projectDir, string targetFile, string? existingTests,
        Critique? critique, CancellationToken ct = default) =>
        harness.RunAsync<BriefReply>("brief",
            new
            {
                ProjectDir = projectDir, TargetFile = targetFile, ExistingTests = existingTests,
                MissingLines = critique?.MissingLines ?? [],
                MissingBranches = (critique?.MissingBranches ?? []).Select(b => new { b.From, b.To }),
                SurvivingMutants = (critique?.SurvivingMutants ?? []).Select(m => new { m.Line, m.Original, m.Mutated }),
            },
            workspace: null, TimeSpan.FromSeconds(60), ct);

    /// <summary>A model's reply to a test module of the given style (pytest, unittest, django); text only, in a private empty folder.</summary>
    public static Task<AnswerReply> AnswerAsync(this HarnessClient harness, string text, string style, CancellationToken ct = default) =>
        harness.RunAsync<AnswerReply>("answer", new { Text = text, Style = style }, workspace: null, TimeSpan.FromSeconds(60), ct);

    /// <summary>The chosen tests of <paramref name="addition"/> (all when null) added to <paramref name="baseSource"/>; text only, in a private empty folder.</summary>
    public static Task<MergeReply> MergeAsync(this HarnessClient harness, string baseSource, string addition, IReadOnlyList<string>? names,
        CancellationToken ct = default) =>
        harness.RunAsync<MergeReply>("merge", new { Base = baseSource, Addition = addition, Names = names }, workspace: null, TimeSpan.FromSeconds(60), ct);

    /// <summary>The best suite with every test the other suites add (text only; nothing runs).</summary>
    public static Task<UnionReply> UnionAsync(this HarnessClient harness, IReadOnlyList<AttemptSuite> suites, CancellationToken ct = default) =>
        harness.RunAsync<UnionReply>("union", new { Suites = suites.Select(s => new { s.Attempt, s.Suite.Source }).ToList() },
            workspace: null, TimeSpan.FromSeconds(60), ct);

    /// <summary>
    /// The suite without the tests that reach no arc the others do not (with <paramref name="keepKillers"/>, every
    /// test the mutation run credited with a kill stays too), from a run with each test's arcs (text and data only;
    /// nothing runs).
    /// </summary>
    public static Task<MinimiseReply> MinimiseAsync(this HarnessClient harness, string source, ExecutionReport report, bool keepKillers,
        CancellationToken ct = default) =>
        harness.RunAsync<MinimiseReply>("minimise", new
        {
            Source = source,
            TestArcs = report.Coverage?.TestArcs ?? new Dictionary<string, IReadOnlyList<int[]>>(),
            KilledBy = keepKillers
                ? report.Mutation?.Mutants.Where(m => m.KilledBy is not null).Select(m => m.KilledBy!).Distinct().ToList() ?? []
                : [],
            Passed = report.Tests.Where(t => t.Outcome == "passed" && !t.Flaky).Select(t => t.Id).ToList(),
        }, workspace: null, TimeSpan.FromSeconds(60), ct);

    /// <summary>
    /// A repository's Python root, framework, modules and existing tests, read in place from names and text (nothing is
    /// imported); it runs in a private empty folder.
    /// </summary>
    public static Task<SurveyReply> SurveyAsync(this HarnessClient harness, string repoDir, CancellationToken ct = default) =>
        harness.SurveyAsync(repoDir, generatedFolder: "tests/generated", ct);

    /// <summary>As above; the generated tests' <c>conftest.py</c> is made for <paramref name="generatedFolder"/> (relative to the Python root).</summary>
    public static Task<SurveyReply> SurveyAsync(this HarnessClient harness, string repoDir, string generatedFolder, CancellationToken ct = default) =>
        harness.RunAsync<SurveyReply>("survey", new { RepoDir = repoDir, GeneratedFolder = generatedFolder }, workspace: null,
            TimeSpan.FromSeconds(300), ct);

    /// <summary>
    /// Runs the request's test modules once, together, in the sandbox on <paramref name="projectDir"/> (a workspace copy
    /// of the Python root), under branch coverage of its modules; the harness ends the run a little before
    /// <paramref name="timeout"/>, and the reports get a minute more.
    /// </summary>
    public static Task<MeasureReply> MeasureAsync(this HarnessClient harness, string projectDir, MeasureRequest request, TimeSpan timeout,
        CancellationToken ct = default) =>
        harness.RunAsync<MeasureReply>("measure", new
        {
            ProjectDir = projectDir, request.Tests, request.Modules, TimeoutSeconds = (int)timeout.TotalSeconds,
            request.PathPrefix, request.Reports, request.Title,
        }, projectDir, timeout + TimeSpan.FromSeconds(60), ct);

    /// <summary>
    /// Installs what of the requirements is missing into the virtual environment whose interpreter
    /// <paramref name="runtime"/> names, in the sandbox it describes (the environment writable, the network only for
    /// an index); <paramref name="workspace"/> is an empty private folder.
    /// </summary>
    public static Task<InstallReply> InstallAsync(this HarnessClient harness, string workspace, InstallRequest request, HarnessRuntime runtime,
        TimeSpan timeout, CancellationToken ct = default) =>
        harness.RunAsync<InstallReply>("install", new
        {
            request.Requirements, request.IndexUrl, request.FindLinks, request.OnlyBinary, TimeoutSeconds = (int)timeout.TotalSeconds,
        }, workspace, runtime, timeout + TimeSpan.FromSeconds(60), ct);
}
