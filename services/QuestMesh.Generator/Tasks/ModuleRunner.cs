using Microsoft.Extensions.Options;
using QuestMesh.Contracts;
using QuestMesh.Python;
using QuestMesh.Python.Workspaces;

namespace QuestMesh.Generator.Tasks;

/// <summary>
/// Runs a test module against a task's source in the sandbox, in a fresh copy of its project (the
/// harness's <c>execute</c>, as the runner does), and reads each test's outcome and lines.
/// </summary>
public sealed class ModuleRunner(WorkspaceProvider workspaces, HarnessClient harness, IOptions<TaskOptions> options)
{
    public async Task<ModuleRun> RunAsync(TaskSource source, string testFile, string module, CancellationToken cancellationToken)
    {
        var limit = TimeSpan.FromSeconds(options.Value.ExecuteTimeoutSeconds);
        using var workspace = await workspaces.CreateAsync(TaskProject.Spec(source), cancellationToken);
        workspace.WriteFile(testFile, module);
        TaskExecuteReply reply;
        try
        {
            reply = await harness.RunAsync<TaskExecuteReply>("execute", new
            {
                ProjectDir = workspace.Directory,
                TargetFile = TaskProject.TargetFile(source),
                TestFile = testFile,
                Framework = "auto",
                TimeoutSeconds = (int)limit.TotalSeconds,
            }, workspace.Directory, limit + TimeSpan.FromSeconds(30), cancellationToken);
        }
        catch (HarnessException error)
        {
            return ModuleRun.NotLoaded(error.TimedOut ? $"the tests did not finish within {limit.TotalSeconds:0} s" : error.Message);
        }
        if (reply.Tests.Count == 0)
            return ModuleRun.NotLoaded(reply.TestError is { Length: > 0 } loadError
                ? $"the test module does not load: {TestRunResult.Shorten(loadError)}"
                : $"no test ran (status {reply.Status})");

        var linesByTest = (reply.Coverage?.Contexts ?? new Dictionary<string, IReadOnlyList<string>>())
            .SelectMany(c => c.Value.Select(test => (Test: test, Line: int.Parse(c.Key, System.Globalization.CultureInfo.InvariantCulture))))
            .ToLookup(c => c.Test, c => c.Line);
        var tests = reply.Tests
            .Select(t => new TestRunResult(t.Id, t.Outcome, t.Outcome == "passed" ? null : TestRunResult.Describe(t),
                linesByTest[t.Id].Distinct().Order().ToList()))
            .ToList();
        return new ModuleRun(null, tests, reply.Coverage?.Percent ?? 0);
    }
}
