using QuestMesh.Llm;

namespace QuestMesh.Generator.Tests.Llm;

public sealed class TokenStatisticsTests
{
    [Fact]
    public void From_NoTokens_IsUnknown()
    {
        var statistics = TokenStatistics.From([]);

        statistics.Entropy.ShouldBeNull();
        statistics.AvgLogprob.ShouldBeNull();
    }

    [Fact]
    public void TokenEntropy_UniformOverFourAlternatives_IsLnFour()
    {
        var quarter = Math.Log(0.25);

        TokenStatistics.TokenEntropy(new TokenLogprob(quarter, [quarter, quarter, quarter, quarter])).ShouldBe(Math.Log(4), 1e-9);
    }

    [Fact]
    public void TokenEntropy_ChosenTokenNotListed_CountsIt()
    {
        // {0.5 listed, 0.5 chosen} renormalised: two equal outcomes, ln 2.
        TokenStatistics.TokenEntropy(new TokenLogprob(Math.Log(0.5), [Math.Log(0.5) - 1e-3])).ShouldBe(Math.Log(2), 1e-3);
    }

    [Fact]
    public void TokenEntropy_PartialAlternatives_AreRenormalised()
    {
        // 0.4 and 0.2 listed: renormalised to 2/3 and 1/3.
        var expected = -(2.0 / 3 * Math.Log(2.0 / 3) + 1.0 / 3 * Math.Log(1.0 / 3));

        TokenStatistics.TokenEntropy(new TokenLogprob(Math.Log(0.4), [Math.Log(0.4), Math.Log(0.2)])).ShouldBe(expected, 1e-9);
    }

    [Fact]
    public void Cost_PricePerMillion_IsProportional()
    {
        new LlmPrice { InputPerMillion = 3m, OutputPerMillion = 15m }.Cost(2000, 1000).ShouldBe(0.021m);
    }
}
