using System.Text.Json;
using System.Text.Json.Serialization;

namespace QuestMesh.Python.Harness;

/// <summary>
/// Reads a harness <c>syntax_error</c> as one line of text, whether the harness sends text or its
/// structured form <c>{"line", "offset", "message"}</c> (the shape <c>analyze</c> uses too).
/// </summary>
public sealed class SyntaxErrorTextConverter : JsonConverter<string?>
{
    public override bool HandleNull => true;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.StartObject:
                using (var document = JsonDocument.ParseValue(ref reader))
                {
                    var root = document.RootElement;
                    var message = root.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : "invalid syntax";
                    return root.TryGetProperty("line", out var line) && line.ValueKind == JsonValueKind.Number
                        ? $"line {line.GetInt32()}: {message}"
                        : message;
                }
            default:
                throw new JsonException($"syntax_error must be text or an object, not {reader.TokenType}");
        }
    }

    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options)
    {
        if (value is null)
            writer.WriteNullValue();
        else
            writer.WriteStringValue(value);
    }
}
