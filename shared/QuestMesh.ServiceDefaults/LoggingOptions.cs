namespace QuestMesh.ServiceDefaults;

/// <summary>Section <c>Logging:Console</c>: how logs are written. Levels come from the <c>Serilog</c> section.</summary>
public sealed class LoggingOptions
{
    public const string Section = "Logging:Console";

    /// <summary><c>text</c> for people, <c>json</c> for log collectors (one JSON object per line).</summary>
    public string Format { get; set; } = "text";

    /// <summary>Write logs to standard error (keeps standard output for a command's own output).</summary>
    public bool StandardError { get; set; }
}
