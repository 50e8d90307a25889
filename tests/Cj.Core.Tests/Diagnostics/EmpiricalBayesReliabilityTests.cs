using Cj.Core.Diagnostics;
using Cj.Core.Pairing;
using Cj.Core.Scoring;

namespace Cj.Core.Tests.Diagnostics;

/// <summary>ADR 0005: the empirical-Bayes reliability tracks the truth and is not inflated by outcome-driven pairing.</summary>
public sealed class EmpiricalBayesReliabilityTests
{
    [Fact]
    public void Perfect_judge_with_random_pairs_gives_a_reliability_close_to_the_true_squared_correlation()
    {
        var (essays, truth) = Population(80, 1.5, seed: 11);
        var random = new CjRandom(12);
        var judgements = new List<Judgement>();
        for (var k = 0; k < 80 * 10; k++)
        {
            var a = random.NextInt(80);
            var b = (a + 1 + random.NextInt(79)) % 80;
            judgements.Add(Verdict(essays, a, b, random.NextDouble() < Logistic.Sigma(truth[a] - truth[b]), k));
        }

        var result = EmpiricalBayesReliability.Of(essays, judgements);
        var fit = BradleyTerry.Fit(essays, judgements);
        var trueR2 = Math.Pow(Pearson(fit.Abilities, truth), 2);
        Assert.True(result.Converged);
        Assert.InRange(result.Value!.Value, trueR2 - 0.08, trueR2 + 0.03);
        Assert.InRange(result.AbilitySd, 0.9, 1.8);
    }

    [Fact]
    public void Coin_flip_judge_under_greedy_information_pairing_inflates_SSR_but_not_the_empirical_Bayes_reliability()
    {
        // Exploration share 0: the purely information-seeking design of §6 that let a coin show SSR 0.88.
        var (essays, _) = Population(60, 0, seed: 5);
        var options = PairingOptions.Default with { ExplorationShare = 0 };
        var coin = new CjRandom(6);
        var records = new List<PairRecord>();
        var judgements = new List<Judgement>();
        BtFit? fit = null;
        for (var wave = 1; judgements.Count < 60 * 6; wave++)
        {
            var state = new PlanningState([.. essays], [.. records], fit, null, wave, 30, (60 * 6) - judgements.Count);
            foreach (var pair in PairPlanner.PlanWave(state, options, CjRandom.ForWave(7, wave)).Pairs)
            {
                var firstWins = coin.NextDouble() < 0.5;
                judgements.Add(new Judgement(firstWins ? pair.First : pair.Second, firstWins ? pair.Second : pair.First, pair.First, null, judgements.Count));
                records.Add(new PairRecord(pair.First, pair.Second, ComparisonStatus.Succeeded));
            }

            fit = BradleyTerry.Fit(essays, judgements);
        }

        var ssr = Reliability.Of(fit!).Ssr!.Value;
        var honest = EmpiricalBayesReliability.Of(essays, judgements).Value!.Value;
        Assert.True(ssr > 0.4, $"SSR {ssr}");
        Assert.True(honest < 0.2, $"empirical-Bayes reliability {honest}, SSR {ssr}");
    }

    [Fact]
    public void No_judgements_or_a_disconnected_graph_give_no_value()
    {
        var essays = new[] { Essay.Student("a"), Essay.Student("b"), Essay.Student("c"), Essay.Student("d") };
        Assert.Null(EmpiricalBayesReliability.Of(essays, []).Value);
        Assert.Null(EmpiricalBayesReliability.Of(essays, [Judgement.Of("a", "b"), Judgement.Of("c", "d", 1)]).Value);
    }

    [Fact]
    public void Same_data_give_the_same_estimate()
    {
        var essays = new[] { Essay.Student("a"), Essay.Student("b"), Essay.Student("c") };
        Judgement[] judgements = [Judgement.Of("a", "b"), Judgement.Of("b", "c", 1), Judgement.Of("a", "c", 2), Judgement.Of("c", "a", 3)];
        Assert.Equal(EmpiricalBayesReliability.Of(essays, judgements), EmpiricalBayesReliability.Of(essays, judgements));
    }

    private static (Essay[] Essays, double[] Truth) Population(int n, double sd, ulong seed)
    {
        var random = new CjRandom(seed);
        return ([.. Enumerable.Range(0, n).Select(i => Essay.Student($"s{i:D3}"))],
            [.. Enumerable.Range(0, n).Select(_ => sd * random.NextNormal())]);
    }

    private static Judgement Verdict(Essay[] essays, int first, int second, bool firstWins, int sequence) =>
        new(essays[firstWins ? first : second].Id, essays[firstWins ? second : first].Id, essays[first].Id, null, sequence);

    private static double Pearson(IReadOnlyList<double> x, double[] y)
    {
        var (mx, my) = (x.Average(), y.Average());
        double sxy = 0, sxx = 0, syy = 0;
        for (var k = 0; k < y.Length; k++)
        {
            sxy += (x[k] - mx) * (y[k] - my);
            sxx += (x[k] - mx) * (x[k] - mx);
            syy += (y[k] - my) * (y[k] - my);
        }

        return sxy / Math.Sqrt(sxx * syy);
    }
}
