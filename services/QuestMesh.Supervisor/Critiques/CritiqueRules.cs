using QuestMesh.Contracts;
using QuestMesh.Supervisor.Critiques.Rules;

namespace QuestMesh.Supervisor.Critiques;

/// <summary>Builds an attempt's critique from the rules below, in this order (most important first).</summary>
public sealed class CritiqueRules(SupervisorOptions options)
{
    private readonly IReadOnlyList<ICritiqueRule> _rules =
    [
        new CompileErrorRule(),
        new LintErrorRule(options),
        new RunnerErrorRule(),
        new FailingTestsRule(options),
        new NoTestsRule(),
        new CoverageRule(options),
        new MutationRule(options),
        new ReliabilityRule(options),
        new ProgressRule(options),
    ];

    public Critique Build(CritiqueAttempt attempt, PostReliability reliability) =>
        Build(AttemptFacts.From(attempt), reliability);

    public Critique Build(AttemptFacts facts, PostReliability reliability)
    {
        var critique = new CritiqueBuilder();
        foreach (var rule in _rules)
            rule.Apply(facts, reliability, critique);
        return critique.Build();
    }
}
