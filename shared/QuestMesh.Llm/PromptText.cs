using System.Text;

namespace QuestMesh.Llm;

/// <summary>
/// Prompt templates as files a user can read and override: <c>{{name}}</c> placeholders, a shipped copy
/// next to the service's assembly, and <see cref="LlmOptions.PromptsFolder"/> replacing it file by file.
/// </summary>
public static class PromptText
{
    /// <summary>Where a service's shipped templates are: <c>Prompts/Templates</c> next to its assembly.</summary>
    public static string ShippedFolder => Path.Combine(AppContext.BaseDirectory, "Prompts", "Templates");

    /// <summary>The file <paramref name="name"/> from <paramref name="overrides"/> when it is there, else the one in <paramref name="shipped"/>.</summary>
    public static string Read(string shipped, string? overrides, string name)
    {
        if (!string.IsNullOrWhiteSpace(overrides))
        {
            var own = Path.Combine(overrides, name);
            if (File.Exists(own))
                return File.ReadAllText(own);
        }
        return File.ReadAllText(Path.Combine(shipped, name));
    }

    /// <summary>Replaces each <c>{{name}}</c> it knows; one pass, so text inserted for a placeholder is never filled again.</summary>
    public static string Fill(string template, IReadOnlyDictionary<string, string> values)
    {
        var result = new StringBuilder(template.Length * 2);
        var index = 0;
        while (index < template.Length)
        {
            var open = template.IndexOf("{{", index, StringComparison.Ordinal);
            var close = open < 0 ? -1 : template.IndexOf("}}", open + 2, StringComparison.Ordinal);
            if (close < 0)
            {
                result.Append(template, index, template.Length - index);
                break;
            }
            var name = template[(open + 2)..close].Trim();
            result.Append(template, index, open - index);
            result.Append(values.TryGetValue(name, out var value) ? value : template[open..(close + 2)]);
            index = close + 2;
        }
        return result.ToString();
    }
}
