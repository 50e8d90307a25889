using Cj.Core;

namespace Cj.Benchmarks;

/// <summary>Seeded random comparison sets: abilities ~ N(0, 1.5²), pairs uniform, verdicts from the BT model, order recorded.</summary>
public static class RandomComparisons
{
    public static (Essay[] Essays, Judgement[] Judgements) Create(int essays, int comparisons, ulong seed = 20261201)
    {
        var rng = new CjRandom(seed);
        var ids = Enumerable.Range(0, essays).Select(i => new EssayId($"E{i:D5}")).ToArray();
        var truth = ids.Select(_ => 1.5 * rng.NextNormal()).ToArray();
        var judgements = new Judgement[comparisons];
        for (var k = 0; k < comparisons; k++)
        {
            var a = rng.NextInt(essays);
            var b = rng.NextInt(essays - 1);
            b += b >= a ? 1 : 0;
            var firstWins = rng.NextDouble() < Logistic.Sigma(truth[a] - truth[b]);
            judgements[k] = new Judgement(firstWins ? ids[a] : ids[b], firstWins ? ids[b] : ids[a], ids[a], null, k);
        }

        return ([.. ids.Select(id => new Essay(id))], judgements);
    }
}
