using QuestMesh.Llm;

namespace QuestMesh.Generator.Tasks;

/// <summary>The model calls one task made and what they cost.</summary>
public sealed class TaskLedger
{
    public int Calls { get; private set; }
    public decimal Cost { get; private set; }

    public void Add(LlmAnswer answer)
    {
        Calls++;
        Cost += answer.EstimatedCost;
    }

    public void Failed() => Calls++;
}
