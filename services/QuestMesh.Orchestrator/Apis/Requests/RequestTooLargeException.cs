namespace QuestMesh.Orchestrator.Apis.Requests;

/// <summary>A request body is larger than the setting allows; the API answers 413 with this message.</summary>
public sealed class RequestTooLargeException(long limit, string setting)
    : Exception($"The request body is larger than {limit} bytes ({setting}). Send less, or ask the operator to raise {setting}.");
