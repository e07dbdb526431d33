using QuestMesh.Contracts;

namespace QuestMesh.Supervisor.Critiques.Rules;

/// <summary>A suite that did not collect (import error) or ran out of time tells nothing about the code yet.</summary>
public sealed class RunnerErrorRule : ICritiqueRule
{
    public void Apply(AttemptFacts facts, PostReliability reliability, CritiqueBuilder critique)
    {
        if (critique.Blocked)
            return;
        if (facts.TimedOut)
        {
            critique.Instruct(
                "The suite exceeded its time limit: remove loops that may never end, sleeps, and calls that wait " +
                "for the network, a subprocess or input; give every test small inputs.");
            return;
        }
        if (!facts.CollectionError)
            return;
        var error = facts.LoadFailure is { } failure ? AttemptFacts.Named(failure)
            : facts.Input.Execution.TestError is { Length: > 0 } text ? AttemptFacts.FirstLine(text)
            : "an error while loading";
        var hint = facts.LoadFailure?.ExceptionName is "ModuleNotFoundError" or "ImportError"
            ? $" Import the code under test as `{facts.TargetModule}` (the module of {facts.Input.TargetFile}) and only import modules that exist."
            : " Keep module-level code to imports and constants; do the work inside test functions.";
        critique.Instruct($"The test module did not load ({error}), so no test ran.{hint}");
    }
}
