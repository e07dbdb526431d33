namespace QuestMesh.Supervisor.Critiques;

/// <summary>Consecutive line numbers grouped into ranges, so "15, 16, 17" reads as "15-17".</summary>
public static class LineRanges
{
    public static IReadOnlyList<(int First, int Last)> Group(IEnumerable<int> lines)
    {
        var ranges = new List<(int First, int Last)>();
        foreach (var line in lines.Distinct().Order())
        {
            if (ranges.Count > 0 && ranges[^1].Last == line - 1)
                ranges[^1] = (ranges[^1].First, line);
            else
                ranges.Add((line, line));
        }
        return ranges;
    }

    public static string Format((int First, int Last) range) =>
        range.First == range.Last ? $"line {range.First}" : $"lines {range.First}-{range.Last}";
}
