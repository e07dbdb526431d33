using QuestMesh.Contracts;
using QuestMesh.Python.Harness;

namespace QuestMesh.Orchestrator.Repositories;

/// <summary>
/// A surveyed repository: <see cref="PythonRoot"/> in full (what module runs and suite runs copy),
/// <see cref="Prefix"/> its path in the repository ("" for the root itself), <see cref="Source"/> the repository as
/// module runs and suite runs get it: the whole source, the Python root its <see cref="SourceSpec.Root"/>.
/// </summary>
public sealed record RepositoryContext(string RepositoryDirectory, string PythonRoot, string Prefix, SurveyReply Survey, SourceSpec Source)
{
    public string Framework => Survey.Framework?.Name ?? "plain";
}
