using System.Text.Json;
using System.Text.Json.Nodes;
using QuestMesh.Contracts;
using QuestMesh.Llm;

namespace QuestMesh.Supervisor.Suggestions;

/// <summary>The suggestions read from a model's answer, or why none could be read.</summary>
public sealed record SuggestionAnswer(LlmSuggestions? Suggestions, string? Problem);

/// <summary>
/// Reads the six lists from a model's answer however it wrapped them: prose and fences around the JSON
/// (<see cref="JsonAnswer"/>), the object nested one level down, keys in another case, a single string for
/// a list. An answer without any of the keys is a problem with its reason, never an exception. Pure.
/// </summary>
public static class SuggestionParser
{
    public const int MaxPerList = 10;
    public const int MaxChars = 500;

    private static readonly string[] Keys =
        ["priority_issues", "coverage_suggestions", "mutation_suggestions", "code_quality_suggestions", "test_strategy_suggestions", "next_steps"];

    public static SuggestionAnswer Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return new SuggestionAnswer(null, "the answer is empty");
        if (JsonAnswer.Find(text) is not { } found)
            return new SuggestionAnswer(null, "the answer holds no JSON object");
        var lists = Lists(found.Json) ?? Nested(found.Json);
        if (lists is null)
            return new SuggestionAnswer(null, $"the JSON object has none of the keys {string.Join(", ", Keys)}");
        return new SuggestionAnswer(new LlmSuggestions
        {
            PriorityIssues = lists.GetValueOrDefault(Keys[0], []),
            CoverageSuggestions = lists.GetValueOrDefault(Keys[1], []),
            MutationSuggestions = lists.GetValueOrDefault(Keys[2], []),
            CodeQualitySuggestions = lists.GetValueOrDefault(Keys[3], []),
            TestStrategySuggestions = lists.GetValueOrDefault(Keys[4], []),
            NextSteps = lists.GetValueOrDefault(Keys[5], []),
        }, null);
    }

    /// <summary>The known keys of <paramref name="json"/> with their items; null when it has none of them.</summary>
    private static Dictionary<string, IReadOnlyList<string>>? Lists(JsonObject json)
    {
        var lists = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var (name, value) in json)
        {
            var key = Keys.FirstOrDefault(k => Normalised(k) == Normalised(name));
            if (key is not null)
                lists[key] = Items(value);
        }
        return lists.Count == 0 ? null : lists;
    }

    /// <summary>Models sometimes answer <c>{"llm_suggestions": {…}}</c>: the first nested object that has the keys.</summary>
    private static Dictionary<string, IReadOnlyList<string>>? Nested(JsonObject json) =>
        json.Select(p => p.Value).OfType<JsonObject>().Select(Lists).FirstOrDefault(l => l is not null);

    private static List<string> Items(JsonNode? value)
    {
        // Not a collection expression: with a JsonArray on the other side it would build a JsonArray, re-parenting the node.
        var nodes = value is JsonArray array ? array.AsEnumerable() : Enumerable.Repeat(value, 1);
        return nodes
            .Select(Text)
            .Where(t => t.Length > 0)
            .Take(MaxPerList)
            .Select(t => t.Length <= MaxChars ? t : t[..MaxChars] + "…")
            .ToList();
    }

    /// <summary>A string as it is; a number or flag as its text; an object as its values joined (<c>{"line": 3, "text": "…"}</c>).</summary>
    private static string Text(JsonNode? node) => node switch
    {
        null => "",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>().Trim(),
        JsonValue v => v.ToJsonString(),
        JsonObject o => string.Join(" — ", o.Select(p => Text(p.Value)).Where(t => t.Length > 0)),
        JsonArray a => string.Join("; ", a.Select(Text).Where(t => t.Length > 0)),
        _ => "",
    };

    private static string Normalised(string key) =>
        string.Concat(key.Where(char.IsLetter)).ToLowerInvariant();
}
