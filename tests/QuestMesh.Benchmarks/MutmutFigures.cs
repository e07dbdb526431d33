using System.Globalization;

namespace QuestMesh.Benchmarks;

/// <summary>The peer's published figures, read from the table in shared/bench/README.md (mutants, score, wall).</summary>
public sealed record MutmutFigures(int Mutants, double Score, double WallSeconds)
{
    public double MutantsPerSecond => Mutants / WallSeconds;

    public static Dictionary<string, MutmutFigures> Read(string readme)
    {
        var figures = new Dictionary<string, MutmutFigures>();
        if (!File.Exists(readme))
            return figures;
        foreach (var line in File.ReadLines(readme))
        {
            // | module | stmts / branches | tests | suite time | mutmut mutants | killed | survived | timeout | mutmut score | mutmut wall |
            var cells = line.Split('|', StringSplitOptions.TrimEntries);
            // Split on '|' gives an empty first cell, so the module is cells[1] and the wall time cells[10].
            if (cells.Length < 11 || !cells[9].EndsWith('%') || !cells[10].EndsWith(" s"))
                continue;
            if (int.TryParse(cells[5], CultureInfo.InvariantCulture, out var mutants)
                && double.TryParse(cells[9].TrimEnd('%', ' '), CultureInfo.InvariantCulture, out var score)
                && double.TryParse(cells[10][..^2], CultureInfo.InvariantCulture, out var wall))
                figures[cells[1]] = new MutmutFigures(mutants, score, wall);
        }
        return figures;
    }
}
