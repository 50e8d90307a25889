using Cj.Core.Scoring;

namespace Cj.Core.Diagnostics;

/// <summary>
/// Scale separation reliability SSR = (var θ − mean SE²)/var θ and separation index G = √(var θ / mean SE²),
/// var over n−1, over the largest component. Null when fewer than two essays or no spread.
/// </summary>
public sealed record Reliability(double? Ssr, double? SeparationIndex, double MeanStandardError, double MaxStandardError, int Essays)
{
    public static Reliability Of(BtFit fit)
    {
        var members = Enumerable.Range(0, fit.Count).Where(i => fit.ComponentOf[i] == 0).ToArray();
        var theta = members.Select(i => fit.Abilities[i]).ToArray();
        var se = members.Select(i => fit.StandardErrors[i]).ToArray();
        return Of(theta, se);
    }

    public static Reliability Of(IReadOnlyList<double> theta, IReadOnlyList<double> standardErrors)
    {
        var n = theta.Count;
        if (n == 0)
        {
            return new Reliability(null, null, double.NaN, double.NaN, 0);
        }

        var meanSe2 = standardErrors.Average(s => s * s);
        var meanSe = standardErrors.Average();
        var maxSe = standardErrors.Max();
        if (n < 2)
        {
            return new Reliability(null, null, meanSe, maxSe, n);
        }

        var mean = theta.Average();
        var variance = theta.Sum(t => (t - mean) * (t - mean)) / (n - 1);
        if (!(variance > 0))
        {
            return new Reliability(null, null, meanSe, maxSe, n);
        }

        return new Reliability((variance - meanSe2) / variance, Math.Sqrt(variance / meanSe2), meanSe, maxSe, n);
    }
}
