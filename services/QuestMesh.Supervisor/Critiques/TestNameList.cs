namespace QuestMesh.Supervisor.Critiques;

/// <summary>Test names joined for one sentence, the longest lists cut short so a big suite cannot flood a critique.</summary>
public static class TestNameList
{
    public static string Format(IEnumerable<string> names, int max, Func<string, string>? quote = null)
    {
        quote ??= name => name;
        var all = names.ToList();
        var listed = string.Join(", ", all.Take(max).Select(quote));
        return all.Count > max ? $"{listed} and {all.Count - max} more" : listed;
    }
}
