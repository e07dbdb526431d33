using System.Text.Json.Serialization;
using QuestMesh.Contracts;

namespace QuestMesh.Orchestrator.Artifacts.Documents;

/// <summary>
/// <c>attempt_&lt;n&gt;.static.sarif</c>: the linters' findings as a SARIF 2.1.0 log, one run per linter. A linter
/// that did not run is a run without results whose invocation says so. Property names are SARIF's own.
/// </summary>
public sealed record SarifDocument
{
    public const string SchemaUri = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

    [JsonPropertyName("$schema")]
    public string Schema { get; init; } = SchemaUri;

    [JsonPropertyName("version")]
    public string Version { get; init; } = "2.1.0";

    [JsonPropertyName("runs")]
    public IReadOnlyList<SarifRun> Runs { get; init; } = [];

    public static SarifDocument From(StaticReport report)
    {
        var uri = (report.SuiteFile ?? "test_module.py").Replace('\\', '/').TrimStart('/');
        return new SarifDocument
        {
            Runs = report.Linters.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => Run(l.Key, l.Value, uri)).ToList(),
        };
    }

    /// <summary><c>findings.sarif</c>: the possible bugs in the target as one run of QuestMesh's own rules, one per outcome.</summary>
    public static SarifDocument From(string targetFile, IReadOnlyList<PossibleBug> bugs)
    {
        var uri = targetFile.Replace('\\', '/').TrimStart('/');
        return new SarifDocument
        {
            Runs =
            [
                new SarifRun
                {
                    Tool = new SarifTool { Driver = new SarifDriver
                    {
                        Name = "questmesh",
                        Rules = bugs.Select(RuleId).Distinct().Order(StringComparer.Ordinal).Select(id => new SarifRule { Id = id }).ToList(),
                    } },
                    Invocations = [new SarifInvocation { ExecutionSuccessful = true }],
                    Results = bugs.Select(bug => new SarifResult
                    {
                        RuleId = RuleId(bug),
                        Level = "warning",
                        Message = new SarifMessage { Text = bug.Describe() },
                        Locations =
                        [
                            new SarifLocation { PhysicalLocation = new SarifPhysicalLocation
                            {
                                ArtifactLocation = new SarifArtifactLocation { Uri = uri },
                                Region = new SarifRegion { StartLine = Math.Max(1, bug.Line ?? 1), StartColumn = 1 },
                            } },
                        ],
                    }).ToList(),
                },
            ],
        };
    }

    private static string RuleId(PossibleBug bug) => $"possible-bug/{bug.Outcome}";

    private static SarifRun Run(string linter, LinterResult result, string uri) => new()
    {
        Tool = new SarifTool { Driver = new SarifDriver
        {
            Name = linter,
            Rules = result.Findings.Select(f => f.Code).Where(c => c.Length > 0).Distinct().Order(StringComparer.Ordinal)
                .Select(code => new SarifRule { Id = code }).ToList(),
        } },
        Invocations =
        [
            new SarifInvocation
            {
                ExecutionSuccessful = result.Available,
                ExitCode = result.ExitCode ?? 0,
                ToolExecutionNotifications = result.Available ? [] : [new SarifNotification { Message = new SarifMessage { Text = Text(result.Output, "not run") } }],
            },
        ],
        Results = result.Findings.Select(f => new SarifResult
        {
            RuleId = f.Code.Length > 0 ? f.Code : linter,
            Level = f.Severity switch { "error" => "error", "note" => "note", _ => "warning" },
            Message = new SarifMessage { Text = Text(f.Message, f.Code) },
            Locations =
            [
                new SarifLocation { PhysicalLocation = new SarifPhysicalLocation
                {
                    ArtifactLocation = new SarifArtifactLocation { Uri = uri },
                    Region = new SarifRegion { StartLine = Math.Max(1, f.Line), StartColumn = Math.Max(1, f.Column) },
                } },
            ],
        }).ToList(),
    };

    private static string Text(string text, string fallback) => string.IsNullOrWhiteSpace(text) ? fallback : text;
}

public sealed record SarifRun
{
    [JsonPropertyName("tool")] public required SarifTool Tool { get; init; }
    [JsonPropertyName("invocations")] public IReadOnlyList<SarifInvocation> Invocations { get; init; } = [];
    [JsonPropertyName("results")] public IReadOnlyList<SarifResult> Results { get; init; } = [];
}

public sealed record SarifTool
{
    [JsonPropertyName("driver")] public required SarifDriver Driver { get; init; }
}

public sealed record SarifDriver
{
    [JsonPropertyName("name")] public required string Name { get; init; }
    [JsonPropertyName("rules")] public IReadOnlyList<SarifRule> Rules { get; init; } = [];
}

public sealed record SarifRule
{
    [JsonPropertyName("id")] public required string Id { get; init; }
}

public sealed record SarifInvocation
{
    [JsonPropertyName("executionSuccessful")] public bool ExecutionSuccessful { get; init; }
    [JsonPropertyName("exitCode")] public int ExitCode { get; init; }
    [JsonPropertyName("toolExecutionNotifications")] public IReadOnlyList<SarifNotification> ToolExecutionNotifications { get; init; } = [];
}

public sealed record SarifNotification
{
    [JsonPropertyName("message")] public required SarifMessage Message { get; init; }
}

public sealed record SarifResult
{
    [JsonPropertyName("ruleId")] public required string RuleId { get; init; }
    [JsonPropertyName("level")] public required string Level { get; init; }
    [JsonPropertyName("message")] public required SarifMessage Message { get; init; }
    [JsonPropertyName("locations")] public IReadOnlyList<SarifLocation> Locations { get; init; } = [];
}

public sealed record SarifMessage
{
    [JsonPropertyName("text")] public required string Text { get; init; }
}

public sealed record SarifLocation
{
    [JsonPropertyName("physicalLocation")] public required SarifPhysicalLocation PhysicalLocation { get; init; }
}

public sealed record SarifPhysicalLocation
{
    [JsonPropertyName("artifactLocation")] public required SarifArtifactLocation ArtifactLocation { get; init; }
    [JsonPropertyName("region")] public required SarifRegion Region { get; init; }
}

public sealed record SarifArtifactLocation
{
    [JsonPropertyName("uri")] public required string Uri { get; init; }
}

public sealed record SarifRegion
{
    [JsonPropertyName("startLine")] public int StartLine { get; init; }
    [JsonPropertyName("startColumn")] public int StartColumn { get; init; }
}
