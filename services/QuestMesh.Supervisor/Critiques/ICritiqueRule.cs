using QuestMesh.Contracts;

namespace QuestMesh.Supervisor.Critiques;

/// <summary>One concern of the critique. Rules run in priority order, so their instructions come out most important first.</summary>
public interface ICritiqueRule
{
    void Apply(AttemptFacts facts, PostReliability reliability, CritiqueBuilder critique);
}
