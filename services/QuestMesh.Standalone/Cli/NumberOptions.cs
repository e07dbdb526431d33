using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace QuestMesh.Standalone.Cli;

/// <summary>
/// Numeric options whose parse errors read as a sentence naming the option ("--budget expects a whole
/// number of seconds, not '1e9'") instead of System.CommandLine's message with .NET type names.
/// Ranges are checked afterwards, in one place: <see cref="RunInputValidator"/>.
/// </summary>
public static class NumberOptions
{
    public static Option<int> WholeNumber(string name, string description, int defaultValue, string? unit = null) => new(name)
    {
        Description = description,
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result => ParseWholeNumber(result, name, unit) ?? defaultValue,
    };

    public static Option<int?> OptionalWholeNumber(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = result => ParseWholeNumber(result, name, unit: null),
    };

    public static Option<double> Number(string name, string description, double defaultValue) => new(name)
    {
        Description = description,
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result =>
        {
            var token = Token(result);
            if (double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                return value;
            result.AddError($"{name} expects a number, not '{token}'");
            return defaultValue;
        },
    };

    private static int? ParseWholeNumber(ArgumentResult result, string name, string? unit)
    {
        var token = Token(result);
        if (int.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            return value;
        var what = unit is null ? "a whole number" : $"a whole number of {unit}";
        var digits = token.TrimStart('-', '+');
        result.AddError(digits.Length > 0 && digits.All(char.IsAsciiDigit)
            ? $"{name} expects {what}, and '{token}' is far out of range"
            : $"{name} expects {what}, not '{token}'");
        return null;
    }

    private static string Token(ArgumentResult result) => result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
}
