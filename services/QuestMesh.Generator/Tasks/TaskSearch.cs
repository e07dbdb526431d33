using Microsoft.Extensions.Options;
using QuestMesh.Contracts;
using QuestMesh.Generator.Search;
using QuestMesh.Python;
using QuestMesh.Python.Harness;
using QuestMesh.Python.Workspaces;

namespace QuestMesh.Generator.Tasks;

/// <summary>
/// The offline search (the harness's <c>explore</c>, in the sandbox) on a task's module, focused on the
/// lines asked about: a test module whose tests passed when the search verified them.
/// </summary>
public sealed class TaskSearch(WorkspaceProvider workspaces, HarnessClient harness, IOptions<GeneratorOptions> options)
{
    public const string Origin = "search";

    /// <summary>The search's test module, or why there is none.</summary>
    public async Task<(string? Module, string? Problem)> ExploreAsync(TaskBrief brief, IReadOnlyList<int> focusLines, CancellationToken cancellationToken)
    {
        var source = brief.Source;
        using var workspace = await workspaces.CreateAsync(TaskProject.Spec(source), cancellationToken);
        var focus = focusLines.Count == 0 ? null : new ExploreFocus(focusLines, [], []);
        var request = new ExploreRequest(workspace.Directory, brief.TargetFile, source.Seed, source.SearchBudgetSeconds, brief.Style,
            brief.TestFile, ExistingTests: null, focus);
        var limit = TimeSpan.FromSeconds(source.SearchBudgetSeconds + options.Value.SearchGraceSeconds);
        ExploreReply reply;
        try
        {
            reply = await harness.RunAsync<ExploreReply>("explore", request, workspace.Directory, limit, cancellationToken);
        }
        catch (HarnessException error)
        {
            return (null, error.TimedOut
                ? $"the module did not let the offline search finish within {limit.TotalSeconds:0} s: it may loop or block when imported or called"
                : $"the offline search failed on the module: {error.Message}");
        }
        if (reply.ImportError is { Length: > 0 } importError)
            return (null, $"the module cannot be imported, so the search cannot call it: {importError}");
        return string.IsNullOrWhiteSpace(reply.TestSource) || reply.Tests == 0
            ? (null, "the offline search found no call of the module worth a test")
            : (reply.TestSource, null);
    }
}
