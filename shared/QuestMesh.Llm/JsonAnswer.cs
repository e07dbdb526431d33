using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace QuestMesh.Llm;

/// <summary>The JSON object found in a model's answer, and which of <see cref="JsonAnswer"/>'s fallbacks found it.</summary>
public sealed record FoundJson(JsonObject Json, string How);

/// <summary>
/// Reads the JSON object a model was asked for with the original system's fallbacks, in order: the text
/// as JSON; a fenced <c>```json</c> (or untagged) block; the first balanced <c>{…}</c> object in the text.
/// Models wrap JSON in prose and fences however they like; this is the one place that copes with it. Pure.
/// </summary>
public static partial class JsonAnswer
{
    public const string PlainJson = "json";
    public const string FencedJson = "fenced-json";
    public const string FirstObject = "first-object";

    /// <summary>The answer's JSON object, or null when none of the fallbacks finds one.</summary>
    public static FoundJson? Find(string text)
    {
        if (TryObject(text.Trim()) is { } plain)
            return new FoundJson(plain, PlainJson);
        foreach (Match fence in Fence().Matches(text))
        {
            if (fence.Groups["tag"].Value is "" or "json" && TryObject(fence.Groups["body"].Value.Trim()) is { } fenced)
                return new FoundJson(fenced, FencedJson);
        }
        for (var start = text.IndexOf('{'); start >= 0; start = text.IndexOf('{', start + 1))
        {
            if (BalancedEnd(text, start) is { } end && TryObject(text[start..(end + 1)]) is { } first)
                return new FoundJson(first, FirstObject);
        }
        return null;
    }

    private static JsonObject? TryObject(string candidate)
    {
        if (candidate.Length == 0 || candidate[0] != '{')
            return null;
        try
        {
            return JsonNode.Parse(candidate) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The index of the brace that closes the one at <paramref name="start"/>, skipping braces inside JSON strings.</summary>
    private static int? BalancedEnd(string text, int start)
    {
        var depth = 0;
        var inString = false;
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (inString)
            {
                if (c == '\\')
                    i++;
                else if (c == '"')
                    inString = false;
                continue;
            }
            switch (c)
            {
                case '"':
                    inString = true;
                    break;
                case '{':
                    depth++;
                    break;
                case '}' when --depth == 0:
                    return i;
            }
        }
        return null;
    }

    [GeneratedRegex(@"```[ \t]*(?<tag>[A-Za-z0-9_+-]*)[^\n]*\n(?<body>.*?)```", RegexOptions.Singleline)]
    private static partial Regex Fence();
}
