using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace QuestMesh.Generator.Tasks;

/// <summary>
/// Reads a model's JSON answer with the original system's four fallbacks, in order: the text as JSON;
/// a fenced <c>```json</c> (or untagged) block; the first balanced <c>{…}</c> object in the text; and
/// otherwise the text as code only. Pure; nothing here reads Python.
/// </summary>
public static partial class TaskAnswerParser
{
    public static TaskAnswer Parse(string text)
    {
        if (TryObject(text.Trim()) is { } plain)
            return new TaskAnswer(plain, null, TaskAnswer.PlainJson);
        foreach (Match fence in Fence().Matches(text))
        {
            if (fence.Groups["tag"].Value is "" or "json" && TryObject(fence.Groups["body"].Value.Trim()) is { } fenced)
                return new TaskAnswer(fenced, null, TaskAnswer.FencedJson);
        }
        for (var start = text.IndexOf('{'); start >= 0; start = text.IndexOf('{', start + 1))
        {
            if (BalancedEnd(text, start) is { } end && TryObject(text[start..(end + 1)]) is { } first)
                return new TaskAnswer(first, null, TaskAnswer.FirstObject);
        }
        return new TaskAnswer(null, text, TaskAnswer.Code);
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
