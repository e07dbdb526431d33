using System.Globalization;
using System.Text.RegularExpressions;

namespace QuestMesh.Benchmarks;

/// <summary>Pynguin's measured figures per generation target, read from the table in shared/bench/README.md.</summary>
public sealed partial record PynguinFigures(double WallSeconds, double Statements, double Branches, double Total, double Score)
{
    public static Dictionary<string, PynguinFigures> Read(string readme)
    {
        var figures = new Dictionary<string, PynguinFigures>();
        if (!File.Exists(readme))
            return figures;
        foreach (var line in File.ReadLines(readme))
        {
            // | target | Pynguin wall | coverage (stmts / branches / total) | mutation score |
            var cells = line.Split('|', StringSplitOptions.TrimEntries);
            if (cells.Length < 6 || !cells[2].EndsWith(" s") || !cells[3].Contains(" / "))
                continue;
            var numbers = Number().Matches(cells[2] + " " + cells[3] + " " + cells[4])
                .Select(m => double.Parse(m.Value, CultureInfo.InvariantCulture)).ToList();
            if (numbers.Count >= 5)
                figures[cells[1]] = new PynguinFigures(numbers[0], numbers[1], numbers[2], numbers[3], numbers[4]);
        }
        return figures;
    }

    [GeneratedRegex(@"\d+(\.\d+)?")]
    private static partial Regex Number();
}
