using System.Text.Json.Nodes;
using QuestMesh.Contracts;

namespace QuestMesh.Tests.Shared.Tasks;

/// <summary>
/// The task API's two examples from the original system: a membership discount (gold, silver, regular)
/// and a divide that raises on zero, each with an existing test that leaves lines uncovered, as messages
/// and as HTTP bodies; and a model's scripted answers for them.
/// </summary>
public static class TaskSamples
{
    public const string DiscountModule = "shop.pricing";

    public const string Discount = """
        def calculate_discount(price, membership):
            "Price after the member's discount."
            if price < 0:
                raise ValueError("price must not be negative")
            if membership == "gold":
                return price * 0.8
            if membership == "silver":
                return price * 0.9
            return price
        """;

    public const string DiscountTests = """
        from shop.pricing import calculate_discount


        def test_regular_members_pay_the_full_price():
            assert calculate_discount(100, "regular") == 100


        if __name__ == "__main__":
            import pytest
            pytest.main()
        """;

    /// <summary>The raise, the gold return and the silver return (the branch into it).</summary>
    public static readonly IReadOnlyList<UncoveredRange> DiscountRanges =
        [new(4, 4, UncoveredRangeTypes.Line), new(6, 6, UncoveredRangeTypes.Line), new(8, 8, UncoveredRangeTypes.Branch)];

    public const string DivideModule = "calc";

    public const string Divide = """
        def divide(a, b):
            if b == 0:
                raise ValueError("Cannot divide by zero")
            return a / b
        """;

    public const string DivideTests = """
        import unittest

        from calc import divide


        class DivideTests(unittest.TestCase):
            def test_halves(self):
                self.assertEqual(divide(6, 3), 2)
        """;

    public static readonly IReadOnlyList<UncoveredRange> DivideRanges = [new(3, 3, UncoveredRangeTypes.Line)];

    public static JsonObject CoverageBody(string source, string existing, IEnumerable<UncoveredRange> ranges, string framework, string module) => new()
    {
        ["source_code"] = source,
        ["existing_test_code"] = existing,
        ["uncovered_ranges"] = new JsonArray(ranges.Select(r => (JsonNode)new JsonObject
        {
            ["start_line"] = r.StartLine, ["end_line"] = r.EndLine, ["type"] = r.Type,
        }).ToArray()),
        ["framework"] = framework,
        ["module_name"] = module,
        ["search_budget_seconds"] = 5,
    };

    public static JsonObject DiscountBody() => CoverageBody(Discount, DiscountTests, DiscountRanges, TestFrameworks.Pytest, DiscountModule);

    public static JsonObject DivideBody() => CoverageBody(Divide, DivideTests, DivideRanges, TestFrameworks.Unittest, DivideModule);

    public static JsonObject GenerationBody(string source, string description, string module) => new()
    {
        ["source_code"] = source,
        ["user_description"] = description,
        ["module_name"] = module,
        ["search_budget_seconds"] = 5,
    };

    /// <summary>
    /// The model's answer for the discount, as plain JSON: a gold test that passes, a silver test that
    /// expects the wrong price (repaired by <see cref="DiscountRepair"/>), and a regular-price test that
    /// passes but executes none of the uncovered lines.
    /// </summary>
    public static string DiscountAnswer() => new JsonObject
    {
        ["recommended_tests"] = new JsonArray(
            Recommendation("from shop.pricing import calculate_discount\n\n\ndef test_gold_members_get_twenty_percent_off():\n    assert calculate_discount(100, \"gold\") == 80\n",
                "A gold member pays 80 % of the price"),
            Recommendation("from shop.pricing import calculate_discount\n\n\ndef test_silver_members_get_ten_percent_off():\n    assert calculate_discount(100, \"silver\") == 85\n",
                "A silver member pays 90 % of the price"),
            Recommendation("from shop.pricing import calculate_discount\n\n\ndef test_unknown_membership_pays_full_price():\n    assert calculate_discount(50, \"bronze\") == 50\n",
                "An unknown membership gets no discount")),
    }.ToJsonString();

    public static string DiscountRepair() => new JsonObject
    {
        ["test_code"] = "import pytest\n\nfrom shop.pricing import calculate_discount\n\n\ndef test_silver_members_get_ten_percent_off():\n    assert calculate_discount(100, \"silver\") == pytest.approx(90)\n",
        ["scenario_description"] = "A silver member pays 90 % of the price",
    }.ToJsonString();

    /// <summary>The model's answer for divide in a fenced JSON block after prose (the parser's second fallback).</summary>
    public static string DivideAnswer() =>
        "Here is the test:\n```json\n" + new JsonObject
        {
            ["recommended_tests"] = new JsonArray(Recommendation(
                "import unittest\n\nfrom calc import divide\n\n\nclass DivideByZeroTests(unittest.TestCase):\n    def test_dividing_by_zero_raises(self):\n        with self.assertRaises(ValueError):\n            divide(1, 0)\n",
                "Dividing by zero raises ValueError")),
        }.ToJsonString() + "\n```\n";

    private static JsonObject Recommendation(string code, string scenario) => new()
    {
        ["test_code"] = code,
        ["target_line"] = 1,
        ["scenario_description"] = scenario,
        ["expected_coverage_impact"] = "some lines",
    };
}
