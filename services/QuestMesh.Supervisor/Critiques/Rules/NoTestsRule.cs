using QuestMesh.Contracts;

namespace QuestMesh.Supervisor.Critiques.Rules;

/// <summary>No test ran. When a compile or load error already explains why, the flag is set without repeating advice.</summary>
public sealed class NoTestsRule : ICritiqueRule
{
    public void Apply(AttemptFacts facts, PostReliability reliability, CritiqueBuilder critique)
    {
        if (facts.Ran.Count > 0)
            return;
        critique.NoTests = true;
        if (critique.Blocked || facts.CollectionError || facts.TimedOut)
            return;
        critique.Instruct(
            $"No test ran: write module-level functions named `test_*` (or methods of a unittest.TestCase) " +
            $"that call the functions and classes of `{facts.TargetModule}` and assert on what they return.");
    }
}
