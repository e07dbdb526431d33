namespace QuestMesh.Benchmarks;

/// <summary>A benchmark folder's <c>bench.conf</c>: <c>MODULE=</c> (the target) and <c>TESTS=</c> (file or folder).</summary>
public sealed record BenchConf(string Module, string Tests)
{
    public static BenchConf Read(string path)
    {
        var values = File.ReadAllLines(path)
            .Select(line => line.Split('=', 2))
            .Where(parts => parts.Length == 2)
            .ToDictionary(parts => parts[0].Trim(), parts => parts[1].Trim());
        return new BenchConf(values["MODULE"], values.GetValueOrDefault("TESTS", "tests"));
    }
}
