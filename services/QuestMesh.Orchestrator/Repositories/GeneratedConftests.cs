using QuestMesh.Python.Harness;

namespace QuestMesh.Orchestrator.Repositories;

/// <summary>
/// Whether the conftest.py the survey wrote for the generated tests goes with them: only when there is one, and the
/// package it needs (django, flask or fastapi) is there for the tests; <see cref="Reason"/> says what it does or why
/// there is none.
/// </summary>
public sealed record ConftestDecision(GeneratedConftest? Conftest, string Reason)
{
    public static ConftestDecision Decide(GeneratedConftest? found, IReadOnlyList<MissingImport> missing)
    {
        if (found is null)
            return new ConftestDecision(null, "no Python root");
        if (found.Source is null)
            return new ConftestDecision(null, found.Reason ?? "none needed");
        var absent = found.Requires.Where(name => missing.Any(m => m.Name == name)).ToList();
        return absent.Count > 0
            ? new ConftestDecision(null, $"not written: {string.Join(", ", absent)} is not installed where the tests run")
            : new ConftestDecision(found, found.Reason ?? found.Framework);
    }
}
