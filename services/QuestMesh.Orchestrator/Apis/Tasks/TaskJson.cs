using System.Text.Json;
using System.Text.Json.Serialization;
using QuestMesh.Orchestrator.Apis.Requests;

namespace QuestMesh.Orchestrator.Apis.Tasks;

/// <summary>The task API speaks the original system's snake_case JSON; requests are read as strictly as the runs API reads its own.</summary>
public static class TaskJson
{
    public static readonly JsonSerializerOptions Options = new(RequestBodies.Json)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };
}
