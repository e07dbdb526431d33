using System.Globalization;

namespace QuestMesh.Orchestrator.Repositories;

/// <summary>How figures read in the console and in <c>summary.md</c>: one decimal, a sign on deltas.</summary>
public static class Format
{
    public static string Percent(double value) => Round(value).ToString("0.0", CultureInfo.InvariantCulture) + " %";

    public static string Points(double value)
    {
        var rounded = Round(value);
        return (rounded > 0 ? "+" : rounded < 0 ? "-" : "±") + Math.Abs(rounded).ToString("0.0", CultureInfo.InvariantCulture);
    }

    public static double Round(double value) => Math.Round(value, 1, MidpointRounding.AwayFromZero);
}
