using System.Collections.Immutable;

namespace Cj.Core.Scoring;

/// <summary>
/// Infit and outfit mean squares from each judgement's probability p that its winner wins: z² = (1−p)/p counts for
/// both essays; outfit = mean z², infit = Σ p(1−p)z² / Σ p(1−p). Essays without judgements get NaN.
/// </summary>
internal static class FitStatistics
{
    public static (ImmutableArray<double> Infit, ImmutableArray<double> Outfit) Compute(JudgementData data, ReadOnlySpan<double> winnerProbability)
    {
        var n = data.Count;
        var outfitSum = new double[n];
        var infitNumerator = new double[n];
        var infitDenominator = new double[n];
        var count = new int[n];
        for (var c = 0; c < winnerProbability.Length; c++)
        {
            var p = winnerProbability[c];
            var z2 = (1 - p) / p;
            var information = p * (1 - p);
            foreach (var e in (ReadOnlySpan<int>)[data.WinnerOf[c], data.LoserOf[c]])
            {
                outfitSum[e] += z2;
                infitNumerator[e] += information * z2;
                infitDenominator[e] += information;
                count[e]++;
            }
        }

        var infit = new double[n];
        var outfit = new double[n];
        for (var i = 0; i < n; i++)
        {
            outfit[i] = count[i] == 0 ? double.NaN : outfitSum[i] / count[i];
            infit[i] = count[i] == 0 ? double.NaN : infitNumerator[i] / infitDenominator[i];
        }

        return ([.. infit], [.. outfit]);
    }

    /// <summary>P(winner wins) per judgement under abilities θ and position effect η.</summary>
    public static double[] WinnerProbabilities(JudgementData data, ReadOnlySpan<double> theta, double eta)
    {
        var p = new double[data.WinnerOf.Length];
        for (var c = 0; c < p.Length; c++)
        {
            p[c] = Logistic.Sigma(theta[data.WinnerOf[c]] - theta[data.LoserOf[c]] + (eta * data.WinnerPosition[c]));
        }

        return p;
    }
}
