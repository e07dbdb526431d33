using QuestMesh.Python.Harness;

namespace QuestMesh.Standalone.Repository;

/// <summary>
/// A surveyed repository: <see cref="PythonRoot"/> in full (what module runs and suite runs copy),
/// <see cref="Prefix"/> its path in the repository ("" for the root itself).
/// </summary>
public sealed record RepositoryContext(string RepositoryDirectory, string PythonRoot, string Prefix, SurveyReply Survey)
{
    public string Framework => Survey.Framework?.Name ?? "plain";
}
