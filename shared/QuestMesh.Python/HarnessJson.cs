using System.Text.Json;
using System.Text.Json.Serialization;

namespace QuestMesh.Python;

/// <summary>JSON as the harness speaks it: snake_case names, nulls left out of requests.</summary>
public static class HarnessJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        PropertyNameCaseInsensitive = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };
}
