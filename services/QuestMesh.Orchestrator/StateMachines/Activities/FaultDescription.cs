using MassTransit;

namespace QuestMesh.Orchestrator.StateMachines.Activities;

/// <summary>One line a person can act on, from a consumer's fault.</summary>
public static class FaultDescription
{
    public static string Of(Fault fault) =>
        fault.Exceptions.FirstOrDefault() is { } exception
            ? $"{exception.ExceptionType}: {exception.Message}"
            : "the step faulted without an exception";
}
