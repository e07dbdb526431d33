using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using QuestMesh.Contracts;
using QuestMesh.Generator;
using QuestMesh.Generator.Strategies;
using QuestMesh.Llm;

namespace QuestMesh.Standalone.Cli;

/// <summary>Which strategy the run will use, said before it starts; <c>llm</c> without an endpoint is bad input (nothing runs).</summary>
public static class StrategyCheck
{
    public static string Describe(IServiceProvider services, RunSettings settings)
    {
        LlmOptions llm;
        try
        {
            llm = services.GetRequiredService<IOptions<LlmOptions>>().Value;
        }
        catch (OptionsValidationException error)
        {
            throw new BadInputException(string.Join(' ', error.Failures));
        }
        var available = services.GetServices<ITestGenerationStrategy>().Select(s => s.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var choice = StrategyResolver.Choose(settings.Strategy, llm.IsConfigured, available);
        if (choice.Name is null)
            throw new BadInputException(choice.Error!);
        var chosen = choice.Name switch
        {
            StrategyNames.Llm => $"llm: model '{llm.Model}' at {llm.Endpoint} ({llm.Flavour})",
            StrategyNames.Hybrid => $"hybrid: the offline search, then model '{llm.Model}' at {llm.Endpoint} ({llm.Flavour}) for the gaps it leaves",
            _ => "search (offline)",
        };
        if (!string.Equals(settings.Strategy, StrategyNames.Auto, StringComparison.OrdinalIgnoreCase))
            return chosen;
        return chosen + (choice.Name == StrategyNames.Hybrid
            ? ", chosen by auto: a model endpoint is configured"
            : ", chosen by auto: no model endpoint is configured (QUESTMESH_Generator__Llm__Endpoint)");
    }
}
