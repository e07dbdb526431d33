using System.Text.RegularExpressions;
using QuestMesh.Contracts;

namespace QuestMesh.Supervisor.Reliability;

/// <summary>
/// Signs that a suite's verdict may change from run to run: constructs in its source that depend on
/// time, chance or the network, a test whose outcome differed between reruns, or a run that timed out.
/// </summary>
public static partial class FlakinessSmells
{
    public static IReadOnlyList<string> Find(TestSuite suite, ExecutionReport execution)
    {
        var smells = new List<string>();
        var source = suite.Source;
        if (Sleep().IsMatch(source))
            smells.Add("sleeps");
        if (Random().IsMatch(source) && !Seeded().IsMatch(source))
            smells.Add("unseeded randomness");
        if (Clock().IsMatch(source))
            smells.Add("reads the clock");
        if (Network().IsMatch(source))
            smells.Add("network access");
        var changed = execution.Tests
            .GroupBy(t => t.Id)
            .Where(g => g.Select(t => t.Outcome).Distinct().Count() > 1)
            .Select(g => g.Key)
            .ToList();
        if (changed.Count > 0)
            smells.Add($"outcome changed between runs of {string.Join(", ", changed)}");
        if (execution.Status == "timeout")
            smells.Add("the run timed out");
        return smells;
    }

    [GeneratedRegex(@"\b(time\.)?sleep\(")]
    private static partial Regex Sleep();

    [GeneratedRegex(@"\brandom\.(random|randint|choice|choices|shuffle|sample|uniform|randrange)\(|\buuid4\(|\bos\.urandom\(")]
    private static partial Regex Random();

    [GeneratedRegex(@"\brandom\.seed\(|\bRandom\(\s*\d")]
    private static partial Regex Seeded();

    [GeneratedRegex(@"\b(datetime\.(now|utcnow|today)|date\.today|time\.(time|monotonic|perf_counter))\(")]
    private static partial Regex Clock();

    [GeneratedRegex(@"\b(requests|httpx|urllib\.request|socket|http\.client)\.[A-Za-z_]+\(")]
    private static partial Regex Network();
}
