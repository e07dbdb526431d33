using System.Text.Encodings.Web;
using System.Text.Json;

namespace QuestMesh.Orchestrator.Artifacts;

/// <summary>How artifacts are written: snake_case (the seed names), indented, code left readable.</summary>
public static class ArtifactJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        // Artifacts hold Python source and test output; escaping '<', '\'' or '+' would make them unreadable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);
}
