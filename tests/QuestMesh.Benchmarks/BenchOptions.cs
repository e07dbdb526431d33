namespace QuestMesh.Benchmarks;

public sealed record BenchOptions(string SharedDirectory, int Repeat, int NaiveSample, string OutputDirectory,
    string? CorpusDirectory = null, double BudgetSeconds = 45, IReadOnlySet<string>? Only = null, int Attempts = 1,
    int Runs = 50, int? PostgresPort = null, int? RabbitMqPort = null, string? Package = null, int MaxModules = 4, bool BudgetGiven = false)
{
    public static BenchOptions? Parse(string[] args)
    {
        var shared = Path.GetFullPath(Path.Combine(Environment.CurrentDirectory, "..", "shared"));
        var repeat = 3;
        var naive = 30;
        var output = Path.GetFullPath("artifacts/bench");
        string? corpus = null;
        var budget = 45.0;
        var runs = 50;
        int? postgresPort = null, rabbitMqPort = null;
        HashSet<string>? only = null;
        var attempts = 1;
        string? package = null;
        var maxModules = 4;
        var budgetGiven = false;
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--shared" when value is not null: shared = Path.GetFullPath(value); i++; break;
                case "--repeat" when int.TryParse(value, out var r) && r > 0: repeat = r; i++; break;
                case "--naive-sample" when int.TryParse(value, out var n) && n >= 0: naive = n; i++; break;
                case "--out" when value is not null: output = Path.GetFullPath(value); i++; break;
                case "--corpus" when value is not null: corpus = Path.GetFullPath(value); i++; break;
                case "--budget" when double.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var b) && b > 0:
                    budget = b; budgetGiven = true; i++; break;
                case "--runs" when int.TryParse(value, out var m) && m > 0: runs = m; i++; break;
                case "--postgres-port" when int.TryParse(value, out var p) && p is > 0 and < 65536: postgresPort = p; i++; break;
                case "--rabbitmq-port" when int.TryParse(value, out var q) && q is > 0 and < 65536: rabbitMqPort = q; i++; break;
                case "--attempts" when int.TryParse(value, out var a) && a is >= 1 and <= 10: attempts = a; i++; break;
                case "--package" when value is not null: package = Path.GetFullPath(value); i++; break;
                case "--max-modules" when int.TryParse(value, out var mm) && mm >= 1: maxModules = mm; i++; break;
                case "--only" when !string.IsNullOrWhiteSpace(value):
                    only = [.. value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
                    i++; break;
                default:
                    Console.Error.WriteLine($"quest bench: bad argument '{args[i]}'");
                    return null;
            }
        }
        return new BenchOptions(shared, repeat, naive, output, corpus, budget, only, attempts, runs, postgresPort, rabbitMqPort, package, maxModules, budgetGiven);
    }
}
