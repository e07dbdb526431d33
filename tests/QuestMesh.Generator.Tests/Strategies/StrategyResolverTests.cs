using QuestMesh.Generator.Strategies;

namespace QuestMesh.Generator.Tests.Strategies;

public class StrategyResolverTests
{
    private static readonly IReadOnlySet<string> SearchOnly = new HashSet<string> { StrategyNames.Search };
    private static readonly IReadOnlySet<string> Both = new HashSet<string> { StrategyNames.Search, StrategyNames.Llm, StrategyNames.Hybrid };

    [Theory]
    [InlineData("auto")]
    [InlineData("AUTO")]
    [InlineData("")]
    [InlineData(null)]
    public void Choose_auto_without_endpoint_is_search(string? requested)
    {
        StrategyResolver.Choose(requested, llmConfigured: false, Both).Name.ShouldBe(StrategyNames.Search);
    }

    [Fact]
    public void Choose_auto_with_endpoint_is_the_hybrid()
    {
        StrategyResolver.Choose("auto", llmConfigured: true, Both).Name.ShouldBe(StrategyNames.Hybrid);
    }

    [Fact]
    public void Choose_auto_with_endpoint_but_no_hybrid_strategy_falls_back_to_search()
    {
        StrategyResolver.Choose("auto", llmConfigured: true, SearchOnly).Name.ShouldBe(StrategyNames.Search);
    }

    [Fact]
    public void Choose_search_is_search_even_with_endpoint()
    {
        StrategyResolver.Choose("search", llmConfigured: true, Both).Name.ShouldBe(StrategyNames.Search);
    }

    [Fact]
    public void Choose_llm_without_endpoint_says_how_to_configure_one()
    {
        var choice = StrategyResolver.Choose("llm", llmConfigured: false, Both);

        choice.Name.ShouldBeNull();
        var error = choice.Error.ShouldNotBeNull();
        error.ShouldContain("Generator:Llm:Endpoint");
        error.ShouldContain("Generator__Llm__Endpoint");
        error.ShouldContain("'search'");
    }

    [Fact]
    public void Choose_llm_with_endpoint_but_not_in_this_build_is_refused()
    {
        var choice = StrategyResolver.Choose("llm", llmConfigured: true, SearchOnly);

        choice.Name.ShouldBeNull();
        choice.Error.ShouldNotBeNull().ShouldContain("not available");
    }

    [Fact]
    public void Choose_unknown_strategy_lists_the_valid_ones()
    {
        var choice = StrategyResolver.Choose("magic", llmConfigured: false, Both);

        choice.Name.ShouldBeNull();
        var error = choice.Error.ShouldNotBeNull();
        error.ShouldContain("'magic'");
        error.ShouldContain("'auto', 'search' or 'llm'");
    }
}
