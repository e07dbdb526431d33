using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace QuestMesh.Orchestrator.Apis.Requests;

/// <summary>
/// Turns what System.Text.Json says about a body it could not read into a field name and a sentence for a
/// person: the field's expected kind of value instead of a .NET type name.
/// </summary>
public static partial class JsonErrors
{
    public static (string Field, string Message) Describe(JsonException error, Type root)
    {
        var path = error.Path is { Length: > 1 } p && p.StartsWith("$.", StringComparison.Ordinal) ? p[2..] : "";
        var field = path.Length == 0 ? "body" : path;
        var where = error.LineNumber is { } line ? $" (line {line + 1}, byte {error.BytePositionInLine + 1})" : "";
        var message = error.Message;

        if (message.Contains("could not be mapped to any .NET member", StringComparison.Ordinal))
            return (field, "is not a field of this request; see /openapi/v1.json for the fields and their spelling");
        if (message.StartsWith("Duplicate property", StringComparison.Ordinal))
            return (field, "appears more than once in its object; give it once");
        if (message.Contains("could not be converted to", StringComparison.Ordinal))
            return (field, $"must be {Expected(root, path)}{where}");
        if (message.Contains("maximum configured depth", StringComparison.Ordinal))
            return ("body", $"is nested too deeply{where}");
        return (field, $"is not valid JSON: {Sentence(message)}{where}");
    }

    /// <summary>The reader's own sentence, without the position (given separately) or any type name.</summary>
    private static string Sentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut < 0)
            cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        var sentence = (cut < 0 ? message : message[..cut]).Trim();
        return TypeName().Replace(sentence, "value");
    }

    /// <summary>What kind of JSON value the request type has at <paramref name="path"/> (<c>source.files[0].content</c>).</summary>
    private static string Expected(Type root, string path)
    {
        var type = root;
        foreach (Match step in PathStep().Matches(path))
        {
            if (step.Groups["index"].Success)
                type = ElementType(type) ?? type;
            else if (Property(type, step.Groups["name"].Value) is { } property)
                type = property.PropertyType;
        }
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(int) || type == typeof(long))
            return "a whole number (no quotes, no fraction, within range)";
        if (type == typeof(double))
            return "a number (no quotes)";
        if (type == typeof(string))
            return "a string (in double quotes)";
        if (type == typeof(bool))
            return "true or false";
        if (ElementType(type) is not null)
            return "a list ([ … ])";
        return "an object ({ … })";
    }

    /// <summary>The property a JSON name stands for, in camelCase (<c>targetFile</c>) or snake_case (<c>source_code</c>).</summary>
    private static PropertyInfo? Property(Type type, string jsonName) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .FirstOrDefault(p => string.Equals(p.Name, jsonName.Replace("_", ""), StringComparison.OrdinalIgnoreCase));

    private static Type? ElementType(Type type) =>
        type == typeof(string) ? null
        : type.IsArray ? type.GetElementType()
        : type.GetInterfaces().Append(type)
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))
            ?.GetGenericArguments()[0];

    [GeneratedRegex(@"(?<name>[A-Za-z_][A-Za-z0-9_]*)|\[(?<index>\d+)\]")]
    private static partial Regex PathStep();

    [GeneratedRegex(@"\b(System|QuestMesh)\.[\w.`\[\], ]+")]
    private static partial Regex TypeName();
}
