using QuestMesh.Orchestrator.Repositories;
using System.Globalization;
using System.Text.Json;
using System.Xml.Linq;
using QuestMesh.Standalone.Cli;
using QuestMesh.Standalone.Repository;

namespace QuestMesh.Standalone.Tests.Repository;

/// <summary>The acceptance of a whole-repository run on samples/storefront (one run, <see cref="StorefrontRunFixture"/>).</summary>
public sealed class RepositoryRunTests(StorefrontRunFixture run) : IClassFixture<StorefrontRunFixture>
{
    private static readonly string[] GapModules = ["backend/app.py", "backend/orders/shipping.py", "backend/orders/cart.py", "backend/inventory/stock.py"];

    private JsonElement Report => run.Json("iteration_report.json");
    private double Before => Report.GetProperty("before").GetProperty("coverage").GetDouble();
    private double After => Report.GetProperty("after").GetProperty("coverage").GetDouble();

    [Fact]
    public void Run_Storefront_RaisesCoverageAboveTheBaselineAndPassesTheGate()
    {
        run.ExitCode.ShouldBe(ExitCodes.TargetsMet, run.Output);
        After.ShouldBeGreaterThan(Before + StorefrontRunFixture.MinDelta, run.Output);
        After.ShouldBeGreaterThan(StorefrontRunFixture.MinCoverage);
        Report.GetProperty("gate").GetProperty("passed").GetBoolean().ShouldBeTrue();
        run.Output.ShouldContain("gate passed");
    }

    [Fact]
    public void Run_Storefront_FindsTheBackEndSkipsTheFrontEndAndReportsTheFailingExistingTest()
    {
        var survey = run.Json("survey.json");
        survey.GetProperty("python_root").GetString().ShouldBe("backend");
        survey.GetProperty("framework").GetProperty("name").GetString().ShouldBe("flask");
        survey.GetProperty("skipped_folders").EnumerateArray().Select(f => f.GetProperty("path").GetString()).ShouldContain("frontend");
        Strings(survey, "modules").ShouldNotContain(m => m.Contains("build_assets", StringComparison.Ordinal));
        Strings(survey, "tests").ShouldBe(["tests/test_cart.py", "tests/test_shipping_config.py", "tests/test_stock.py", "tests/test_units.py"]);

        var before = Report.GetProperty("before");
        (before.GetProperty("tests").GetInt32(), before.GetProperty("failed").GetInt32()).ShouldBe((8, 1));
        run.Text("summary.md").ShouldContain("`tests/test_stock.py::test_low_stock_includes_the_threshold`: AssertionError");
    }

    [Fact]
    public void Run_Storefront_WritesTheBaselineGapsByModuleFunctionAndClass()
    {
        var gaps = run.Json("coverage_gaps.json");
        gaps.GetProperty("overall").GetProperty("percent").GetDouble().ShouldBe(Before);
        var files = gaps.GetProperty("files").EnumerateArray().ToList();
        files.Select(f => f.GetProperty("path").GetString()).ShouldBe(GapModules, ignoreOrder: true);
        var missing = files.Select(f => f.GetProperty("missing_line_count").GetInt32()).ToList();
        missing.ShouldBe(missing.OrderByDescending(m => m).ToList());
        Strings(gaps, "complete_files").ShouldContain("backend/inventory/units.py");

        var app = files.Single(f => f.GetProperty("path").GetString() == "backend/app.py");
        var quote = app.GetProperty("functions").EnumerateArray().Single(f => f.GetProperty("name").GetString() == "quote");
        (quote.GetProperty("start_line").GetInt32(), quote.GetProperty("end_line").GetInt32(), quote.GetProperty("uncovered").GetBoolean())
            .ShouldBe((29, 35, true));
        var stock = files.Single(f => f.GetProperty("path").GetString() == "backend/inventory/stock.py");
        var warehouse = stock.GetProperty("classes").EnumerateArray().Single();
        warehouse.GetProperty("name").GetString().ShouldBe("Warehouse");
        Strings(warehouse, "uncovered_methods").ShouldBe(["restock"]);
    }

    [Fact]
    public void Run_Storefront_GeneratesTestsForTheModulesWithGapsOnly()
    {
        var folder = Path.Combine(run.Artifacts, "tests", "generated");
        Directory.GetFiles(folder).Select(Path.GetFileName).ShouldBe(
            ["_manifest.json", "conftest.py", "test_app.py", "test_inventory_stock.py", "test_orders_cart.py", "test_orders_shipping.py"], ignoreOrder: true);
        var manifest = run.Json("tests/generated/_manifest.json");
        manifest.GetProperty("python_root").GetString().ShouldBe("backend");
        var entries = manifest.GetProperty("files").EnumerateArray().ToList();
        entries.Select(e => e.GetProperty("target").GetString()).ShouldBe(["app.py", "inventory/stock.py", "orders/cart.py", "orders/shipping.py"], ignoreOrder: true);
        foreach (var entry in entries)
        {
            entry.GetProperty("attempt").GetInt32().ShouldBe(0);
            entry.GetProperty("tests").GetInt32().ShouldBeGreaterThan(0);
            entry.GetProperty("passed").GetInt32().ShouldBe(entry.GetProperty("tests").GetInt32());
            File.ReadAllText(Path.Combine(run.Artifacts, entry.GetProperty("file").GetString()!))
                .ShouldContain(entry.GetProperty("module").GetString()!);
        }
        var generated = Report.GetProperty("generated");
        generated.GetProperty("failed").GetInt32().ShouldBe(0);
        generated.GetProperty("tests").GetInt32().ShouldBe(entries.Sum(e => e.GetProperty("tests").GetInt32()));
        // Flask: the generated tests get the app (storefront's module-level one) and its client; tests/conftest.py's own
        // fixture (warehouse) stays where it is.
        File.ReadAllText(Path.Combine(folder, "conftest.py")).ShouldContain("from app import app as flask_app");
        manifest.GetProperty("conftest").GetProperty("fixtures").EnumerateArray().Select(f => f.GetString()).ShouldBe(["app", "client"]);
    }

    [Fact]
    public void Run_Storefront_TwoModuleRunsAtOnce_EveryPlannedModuleEndsOnceInPlanOrderAndItsLinesNameIt()
    {
        Report.GetProperty("limits").GetProperty("parallel").GetInt32().ShouldBe(2);
        var modules = Report.GetProperty("iterations").EnumerateArray().Single(i => i.GetProperty("phase").GetString() == "generation")
            .GetProperty("modules").EnumerateArray().ToList();
        var paths = modules.Select(m => m.GetProperty("path").GetString()!).ToList();
        paths.ShouldBe(["backend/app.py", "backend/orders/shipping.py", "backend/orders/cart.py", "backend/inventory/stock.py"],
            "most to gain first, as planned, whatever order they ended in");
        modules.ShouldAllBe(m => m.GetProperty("status").GetString() == "completed");
        modules.Select(m => m.GetProperty("run_id").GetString()).Distinct().Count().ShouldBe(4);
        run.Output.ShouldContain("parallel   2 module runs at once");
        foreach (var path in paths)
            run.Output.ShouldContain($"{path}: attempt 0");
    }

    [Fact]
    public void Run_Storefront_DropsTheGeneratedTestsThatFailWithTheExistingOnesAndSaysWhy()
    {
        var dropped = Report.GetProperty("dropped").EnumerateArray().ToList();

        dropped.ShouldNotBeEmpty();
        dropped.ShouldAllBe(d => d.GetProperty("test_file").GetString() == "tests/generated/test_orders_shipping.py");
        dropped.ShouldAllBe(d => d.GetProperty("reason").GetString()!.StartsWith("fails with the existing tests: AssertionError", StringComparison.Ordinal));
        var final = Report.GetProperty("after");
        final.GetProperty("failed").GetInt32().ShouldBe(1, "only the existing failing test fails in the end");
        run.Text("summary.md").ShouldContain("### Generated tests dropped");
    }

    [Fact]
    public void Run_Storefront_CoberturaAndJUnitParseAndMatchTheFigures()
    {
        var after = Report.GetProperty("after");
        var cobertura = XDocument.Load(Path.Combine(run.Artifacts, "coverage.xml")).Root!;
        Attribute(cobertura, "lines-valid").ShouldBe(after.GetProperty("statements").GetInt32());
        Attribute(cobertura, "lines-covered").ShouldBe(after.GetProperty("covered_statements").GetInt32());
        Attribute(cobertura, "branches-valid").ShouldBe(after.GetProperty("branches").GetInt32());
        Attribute(cobertura, "branches-covered").ShouldBe(after.GetProperty("covered_branches").GetInt32());
        cobertura.Descendants("class").Select(c => (string)c.Attribute("filename")!).ShouldAllBe(name => name.StartsWith("backend/", StringComparison.Ordinal));
        cobertura.Descendants("class").Count().ShouldBe(7);

        var suite = XDocument.Load(Path.Combine(run.Artifacts, "test-results.xml")).Root!.Element("testsuite")!;
        Attribute(suite, "tests").ShouldBe(after.GetProperty("tests").GetInt32());
        Attribute(suite, "failures").ShouldBe(after.GetProperty("failed").GetInt32());
        Attribute(suite, "errors").ShouldBe(after.GetProperty("errors").GetInt32());
        suite.Elements("testcase").Count().ShouldBe(after.GetProperty("tests").GetInt32());

        var index = run.Text("htmlcov/index.html");
        index.ShouldContain("orders/shipping.py");
        index.ShouldContain($"{Math.Round(After, MidpointRounding.ToEven).ToString(CultureInfo.InvariantCulture)}%");
    }

    [Fact]
    public void Run_Storefront_SummaryMatchesTheFigures()
    {
        var summary = run.Text("summary.md");
        var generated = Report.GetProperty("generated");

        summary.ShouldStartWith(SummaryMarkdown.Heading);
        summary.ShouldContain($"**Coverage {Format.Percent(Before)} → {Format.Percent(After)} ({Format.Points(After - Before)} points).**");
        summary.ShouldContain($"| generated tests | | {generated.GetProperty("tests").GetInt32()} | {generated.GetProperty("passed").GetInt32()} | 0 |");
        summary.ShouldContain("Gate: **passed**");
        foreach (var module in GapModules)
            summary.ShouldContain($"| `{module}` |");
        summary.ShouldNotContain("units.py");
        summary.ShouldContain("average_weight([]) raises ZeroDivisionError");
    }

    [Fact]
    public void Run_Storefront_LeavesTheCheckoutAsItWasAndPushesTheTestsToTheBranch()
    {
        run.Repository.Snapshot().ShouldBe(run.Before);
        StorefrontRepository.Git(run.Repository.Work, "rev-parse", "HEAD").Trim().ShouldBe(run.HeadBefore);

        var pushed = StorefrontRepository.Git(run.Repository.Origin, "ls-tree", "-r", "--name-only", StorefrontRunFixture.Branch)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var generated = pushed.Where(p => p.StartsWith("backend/tests/generated/", StringComparison.Ordinal)).Select(Path.GetFileName).ToList();
        generated.ShouldBe(Directory.GetFiles(Path.Combine(run.Artifacts, "tests", "generated")).Select(Path.GetFileName).ToList(), ignoreOrder: true);
        StorefrontRepository.Git(run.Repository.Origin, "rev-parse", $"{StorefrontRunFixture.Branch}^").Trim().ShouldBe(run.HeadBefore);
        StorefrontRepository.Git(run.Repository.Origin, "show", $"{StorefrontRunFixture.Branch}:backend/tests/generated/test_app.py")
            .ShouldBe(run.Text("tests/generated/test_app.py"));
    }

    private static List<string> Strings(JsonElement element, string name) =>
        element.GetProperty(name).EnumerateArray().Select(e => e.GetString()!).ToList();

    private static int Attribute(XElement element, string name) => int.Parse((string)element.Attribute(name)!, CultureInfo.InvariantCulture);
}
