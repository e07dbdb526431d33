using QuestMesh.Contracts;
using System.Collections.Concurrent;

namespace QuestMesh.Orchestrator.Tests.Support;

/// <summary>What the scripted workers answer in one test.</summary>
public sealed class RunScript
{
    /// <summary>Coverage and mutation score per attempt; attempts past the end repeat the last entry.</summary>
    public List<(double Coverage, double Mutation)> Figures { get; set; } = [(95, 60)];

    /// <summary>Attempts whose suite fails until the fixer has repaired it.</summary>
    public HashSet<int> FailingAttempts { get; } = [];

    /// <summary>Attempts whose generation answers with this error instead of a suite.</summary>
    public Dictionary<int, string> GenerationErrors { get; } = [];

    /// <summary>The figures of the union the runner makes at the end; null answers that no union could be made.</summary>
    public (double Coverage, double Mutation)? UnionFigures { get; set; }

    /// <summary>Possible bugs the generator reports with an attempt's suite.</summary>
    public Dictionary<int, List<PossibleBug>> PossibleBugs { get; } = [];

    /// <summary>Commands no worker answers: the test answers them by hand, or lets their deadline pass.</summary>
    public HashSet<Type> Held { get; } = [];

    /// <summary>How many commands of a type the workers drop before they answer (a worker that died mid-step).</summary>
    public ConcurrentDictionary<Type, int> Drops { get; } = new();

    /// <summary>Commands whose consumer throws.</summary>
    public HashSet<Type> Throws { get; } = [];

    public (double Coverage, double Mutation) FiguresOf(int attempt) => Figures[Math.Min(attempt, Figures.Count - 1)];

    /// <summary>Whether a worker answers this command (decrements the drop count).</summary>
    public bool Answers<T>()
    {
        if (Throws.Contains(typeof(T)))
            throw new InvalidOperationException($"scripted failure of {typeof(T).Name}");
        if (Held.Contains(typeof(T)))
            return false;
        while (Drops.TryGetValue(typeof(T), out var left) && left > 0)
        {
            if (Drops.TryUpdate(typeof(T), left - 1, left))
                return false;
        }
        return true;
    }
}
