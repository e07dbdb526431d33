namespace QuestMesh.Generator.Tasks;

/// <summary>Line numbers as people write them: <c>3, 5-7, 10</c>.</summary>
public static class LineSpans
{
    public static string Format(IEnumerable<int> lines)
    {
        var sorted = lines.Distinct().Order().ToList();
        var spans = new List<string>();
        for (var i = 0; i < sorted.Count;)
        {
            var j = i;
            while (j + 1 < sorted.Count && sorted[j + 1] == sorted[j] + 1)
                j++;
            spans.Add(i == j ? $"{sorted[i]}" : $"{sorted[i]}-{sorted[j]}");
            i = j + 1;
        }
        return string.Join(", ", spans);
    }
}
