using System.Text.Json.Nodes;
using QuestMesh.Contracts;
using QuestMesh.Orchestrator.Artifacts;
using QuestMesh.Orchestrator.Artifacts.Documents;

namespace QuestMesh.Orchestrator.Tests.Artifacts;

public class SarifDocumentTests
{
    private static readonly StaticReport Report = new()
    {
        SyntaxOk = true,
        SuiteFile = "tests/test_calc.py",
        Linters = new Dictionary<string, LinterResult>
        {
            ["pylint"] = new()
            {
                Available = true, IssueCount = 2, ErrorCount = 1, ExitCode = 6,
                Findings =
                [
                    new LintFinding { Line = 1, Column = 1, Code = "unused-import", Severity = "warning", Message = "Unused import os" },
                    new LintFinding { Line = 7, Column = 12, Code = "undefined-variable", Severity = "error", Message = "Undefined variable 'missing'" },
                ],
            },
            ["mypy"] = new() { Available = false, Output = "mypy is switched off" },
        },
    };

    private static readonly PossibleBug[] Bugs =
    [
        new() { Function = "average", Call = "average([])", Outcome = "ZeroDivisionError", Message = "division by zero", Line = 6, Evidence = "its type hints accept these arguments and promise float" },
        new() { Function = "median", Call = "median([4, 1, 3, 2])", Outcome = PossibleBug.WrongResult, Message = "gives 3", Line = null, Evidence = "the docstring's example shows 2.5", FoundBy = PossibleBugSources.Doctest },
    ];

    /// <summary>The serialised log, as written to <c>attempt_n.static.sarif</c>.</summary>
    private static JsonObject Log() => JsonNode.Parse(ArtifactJson.Serialize(SarifDocument.From(Report)))!.AsObject();

    /// <summary>The serialised log, as written to <c>findings.sarif</c>.</summary>
    private static JsonObject FindingsLog() => JsonNode.Parse(ArtifactJson.Serialize(SarifDocument.From("shop/stats.py", Bugs)))!.AsObject();

    public static TheoryData<string> Logs() => ["static", "findings"];

    [Theory]
    [MemberData(nameof(Logs))]
    public void From_has_every_property_the_2_1_0_schema_requires(string which)
    {
        var log = which == "static" ? Log() : FindingsLog();

        log["version"]!.GetValue<string>().ShouldBe("2.1.0");
        log["$schema"]!.GetValue<string>().ShouldEndWith("sarif-schema-2.1.0.json");
        var runs = log["runs"]!.AsArray();
        runs.Count.ShouldBe(which == "static" ? 2 : 1);
        foreach (var run in runs)
        {
            run!["tool"]!["driver"]!["name"]!.GetValue<string>().ShouldNotBeNullOrEmpty();
            foreach (var invocation in run["invocations"]!.AsArray())
            {
                invocation!["executionSuccessful"].ShouldNotBeNull();
                foreach (var notification in invocation["toolExecutionNotifications"]!.AsArray())
                    notification!["message"]!["text"]!.GetValue<string>().ShouldNotBeNullOrEmpty();
            }
            foreach (var result in run["results"]!.AsArray())
            {
                result!["message"]!["text"]!.GetValue<string>().ShouldNotBeNullOrEmpty();
                new[] { "none", "note", "warning", "error" }.ShouldContain(result["level"]!.GetValue<string>());
                foreach (var location in result["locations"]!.AsArray())
                {
                    location!["physicalLocation"]!["artifactLocation"]!["uri"]!.GetValue<string>().ShouldNotBeNullOrEmpty();
                    location["physicalLocation"]!["region"]!["startLine"]!.GetValue<int>().ShouldBeGreaterThanOrEqualTo(1);
                }
            }
        }
    }

    [Fact]
    public void From_gives_one_run_per_linter_with_its_findings_and_says_when_a_linter_did_not_run()
    {
        var runs = Log()["runs"]!.AsArray();

        var mypy = runs.Single(r => r!["tool"]!["driver"]!["name"]!.GetValue<string>() == "mypy")!;
        mypy["results"]!.AsArray().ShouldBeEmpty();
        mypy["invocations"]![0]!["executionSuccessful"]!.GetValue<bool>().ShouldBeFalse();
        mypy["invocations"]![0]!["toolExecutionNotifications"]![0]!["message"]!["text"]!.GetValue<string>().ShouldBe("mypy is switched off");
        var pylint = runs.Single(r => r!["tool"]!["driver"]!["name"]!.GetValue<string>() == "pylint")!;
        var undefined = pylint["results"]![1]!;
        undefined["ruleId"]!.GetValue<string>().ShouldBe("undefined-variable");
        undefined["level"]!.GetValue<string>().ShouldBe("error");
        var region = undefined["locations"]![0]!["physicalLocation"]!;
        region["artifactLocation"]!["uri"]!.GetValue<string>().ShouldBe("tests/test_calc.py");
        (region["region"]!["startLine"]!.GetValue<int>(), region["region"]!["startColumn"]!.GetValue<int>()).ShouldBe((7, 12));
        pylint["tool"]!["driver"]!["rules"]!.AsArray().Select(r => r!["id"]!.GetValue<string>()).ShouldBe(["undefined-variable", "unused-import"]);
    }

    [Fact]
    public void From_possible_bugs_locates_each_in_the_target_with_a_rule_per_outcome()
    {
        var run = FindingsLog()["runs"]![0]!;

        run["tool"]!["driver"]!["name"]!.GetValue<string>().ShouldBe("questmesh");
        run["tool"]!["driver"]!["rules"]!.AsArray().Select(r => r!["id"]!.GetValue<string>()).ShouldBe(["possible-bug/ZeroDivisionError", "possible-bug/wrong-result"]);
        var results = run["results"]!.AsArray();
        results[0]!["message"]!["text"]!.GetValue<string>().ShouldStartWith("possible bug: average([]) raises ZeroDivisionError");
        results[0]!["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"]!.GetValue<string>().ShouldBe("shop/stats.py");
        results[0]!["locations"]![0]!["physicalLocation"]!["region"]!["startLine"]!.GetValue<int>().ShouldBe(6);
        results[1]!["locations"]![0]!["physicalLocation"]!["region"]!["startLine"]!.GetValue<int>().ShouldBe(1);  // no line known: the file's first
    }
}
