using Microsoft.Extensions.Options;
using QuestMesh.Contracts;
using QuestMesh.Generator.Search;
using QuestMesh.Python;
using QuestMesh.Python.Harness;
using QuestMesh.Python.Workspaces;

namespace QuestMesh.Generator.Tasks;

/// <summary>
/// What every task starts from: where the module and its tests go in the task's project, the test style
/// asked for, and the harness's <c>brief</c> of the module (import path, mined context, the source text of
/// the lines asked about). Nothing of the module is imported to make it.
/// </summary>
public sealed record TaskBrief(TaskSource Source, string TargetFile, string TestFile, string Style, BriefReply Brief)
{
    public string SourceCode => Source.SourceCode;
}

public sealed class TaskBriefing(WorkspaceProvider workspaces, HarnessClient harness)
{
    /// <summary>The brief, or the reason a person can act on why the module cannot be worked on.</summary>
    public async Task<(TaskBrief? Brief, string? Error)> PrepareAsync(TaskSource source, IReadOnlyList<int> lines, CancellationToken cancellationToken)
    {
        var targetFile = TaskProject.TargetFile(source);
        using var workspace = await workspaces.CreateAsync(TaskProject.Spec(source), cancellationToken);
        BriefReply brief;
        try
        {
            brief = await harness.BriefAsync(workspace.Directory, targetFile, existingTests: null,
                new Critique { MissingLines = lines }, cancellationToken);
        }
        catch (HarnessException error)
        {
            return (null, $"The module could not be read: {error.Message}");
        }
        if (brief.Context?["target_problem"]?["message"]?.GetValue<string>() is { } problem)
            return (null, problem);
        if (brief.Context?["syntax_error"] is { } syntax && syntax["line"] is not null)
            return (null, $"The module does not parse: line {syntax["line"]}: {syntax["message"]}");
        var style = source.Framework == TestFrameworks.Unittest ? "unittest" : "pytest";
        return (new TaskBrief(source, targetFile, TestFileLocator.For(workspace.Directory, targetFile), style, brief), null);
    }
}
