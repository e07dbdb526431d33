using QuestMesh.Llm;

namespace QuestMesh.Generator.Tasks;

/// <summary>
/// Reads a model's answer to a task-API prompt with the original system's four fallbacks: the three of
/// <see cref="JsonAnswer"/> for a JSON object, and otherwise the text as code only. Pure; nothing here reads Python.
/// </summary>
public static class TaskAnswerParser
{
    public static TaskAnswer Parse(string text) =>
        JsonAnswer.Find(text) is { } found
            ? new TaskAnswer(found.Json, null, found.How)
            : new TaskAnswer(null, text, TaskAnswer.Code);
}
