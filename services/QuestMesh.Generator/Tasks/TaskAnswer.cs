using System.Text.Json.Nodes;
using QuestMesh.Llm;

namespace QuestMesh.Generator.Tasks;

/// <summary>
/// A model's answer to a task-API prompt: the JSON object it held and which fallback found it, or —
/// when no object could be read — the whole text, to be read as test code by the harness's <c>answer</c>.
/// </summary>
public sealed record TaskAnswer(JsonObject? Json, string? CodeOnly, string How)
{
    public const string PlainJson = JsonAnswer.PlainJson;
    public const string FencedJson = JsonAnswer.FencedJson;
    public const string FirstObject = JsonAnswer.FirstObject;
    public const string Code = "code-only";
}
