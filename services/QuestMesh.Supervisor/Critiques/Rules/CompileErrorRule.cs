using QuestMesh.Contracts;

namespace QuestMesh.Supervisor.Critiques.Rules;

/// <summary>A suite that does not compile runs nothing, so its error comes before everything else.</summary>
public sealed class CompileErrorRule : ICritiqueRule
{
    public void Apply(AttemptFacts facts, PostReliability reliability, CritiqueBuilder critique)
    {
        if (!facts.CompileError)
            return;
        critique.CompileError = true;
        var where = facts.CompileMessage is { Length: > 0 } message ? $": {message}" : "";
        critique.Instruct(
            $"Fix the syntax error in {facts.Input.Suite.FileName}{where}. No test runs until the module compiles, " +
            "so rewrite the broken part as plain, valid Python before adding anything else.");
    }
}
