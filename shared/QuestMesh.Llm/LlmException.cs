namespace QuestMesh.Llm;

/// <summary>A model call that did not give an answer; <see cref="Exception.Message"/> says what to do about it.</summary>
public sealed class LlmException(string message, int? status = null, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>The HTTP status the server answered with, null when it was not reached.</summary>
    public int? Status { get; } = status;
}
