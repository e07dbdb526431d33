namespace QuestMesh.Llm;

/// <summary>One generated token: its own log-probability and those of the alternatives the server listed.</summary>
public sealed record TokenLogprob(double Logprob, IReadOnlyList<double> TopLogprobs);

/// <summary>
/// How sure the model was, from its token log-probabilities (natural logarithms). <see cref="Entropy"/>
/// is the mean over tokens of the Shannon entropy, in nats, of each token's listed alternatives (their
/// probabilities renormalised to sum to 1; the chosen token counts when it is not among them);
/// <see cref="AvgLogprob"/> the mean log-probability of the chosen tokens. Both null without tokens.
/// </summary>
public sealed record TokenStatistics(double? Entropy, double? AvgLogprob)
{
    public static TokenStatistics From(IReadOnlyList<TokenLogprob> tokens)
    {
        if (tokens.Count == 0)
            return new TokenStatistics(null, null);
        var entropy = tokens.Average(TokenEntropy);
        var average = tokens.Average(t => t.Logprob);
        return new TokenStatistics(Math.Round(entropy, 6), Math.Round(average, 6));
    }

    public static double TokenEntropy(TokenLogprob token)
    {
        var logprobs = token.TopLogprobs.Count == 0 ? [token.Logprob] : token.TopLogprobs;
        if (!logprobs.Any(lp => Math.Abs(lp - token.Logprob) < 1e-12))
            logprobs = [.. logprobs, token.Logprob];
        var probabilities = logprobs.Select(Math.Exp).ToList();
        var total = probabilities.Sum();
        if (total <= 0)
            return 0;
        return -probabilities.Select(p => p / total).Where(p => p > 0).Sum(p => p * Math.Log(p));
    }
}
