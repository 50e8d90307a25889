using System.Collections.Immutable;

namespace Cj.Core.Grading;

/// <summary>The projection arithmetic of <c>20-cj-engine.md</c> §9 on calibrated boundaries.</summary>
internal static class GradeProjector
{
    private const double HighConfidence = 0.80;
    private const double MidConfidence = 0.50;
    private const double TieTolerance = 1e-12;

    public static GradeProjection Project(GradeCalibration calibration, double ability, double standardError)
    {
        var scale = calibration.Scale;
        var boundaries = calibration.Boundaries;
        var s = Math.Sqrt((standardError * standardError) + calibration.BoundaryVariance);
        var p = BandProbabilities(boundaries, ability, s);
        var median = BandOf(boundaries, ability);
        var primary = Primary(p, median);
        var expected = 0.0;
        for (var k = 0; k < p.Length; k++)
        {
            expected += k * p[k];
        }

        var within = p[primary] + (primary > 0 ? p[primary - 1] : 0) + (primary < p.Length - 1 ? p[primary + 1] : 0);
        return new GradeProjection
        {
            Probabilities = [.. p],
            PrimaryIndex = primary,
            PrimaryGrade = scale.Grades[primary],
            Grade = SignRules.Apply(scale, boundaries, primary, ability),
            MedianIndex = median,
            MedianGrade = scale.Grades[median],
            ExpectedGradeIndex = expected,
            NormalisedScore = expected / (p.Length - 1),
            WithinOneGrade = within,
            Confidence = p[primary],
            ConfidenceLabel = LabelOf(p[primary]),
            JudgingCertainty = BandProbabilities(boundaries, ability, standardError).Max(),
        };
    }

    public static ConfidenceLabel LabelOf(double confidence) => confidence switch
    {
        >= HighConfidence => ConfidenceLabel.High,
        >= MidConfidence => ConfidenceLabel.Mid,
        _ => ConfidenceLabel.Low,
    };

    /// <summary>The band containing θ: the highest k with bₖ ≤ θ (grade k begins at bₖ), 0 below b₁.</summary>
    public static int BandOf(ImmutableArray<double> boundaries, double ability)
    {
        var k = 0;
        while (k < boundaries.Length && boundaries[k] <= ability)
        {
            k++;
        }

        return k;
    }

    /// <summary>
    /// Pₖ = Φ((bₖ₊₁ − θ)/s) − Φ((bₖ − θ)/s) with b₀ = −∞ and b_K = +∞. Bands above θ are taken from the upper tail
    /// so that small probabilities keep their relative precision. s = 0 puts all mass on the band containing θ.
    /// </summary>
    public static double[] BandProbabilities(ImmutableArray<double> boundaries, double ability, double s)
    {
        var p = new double[boundaries.Length + 1];
        if (s <= 0)
        {
            p[BandOf(boundaries, ability)] = 1.0;
            return p;
        }

        for (var k = 0; k < p.Length; k++)
        {
            var lo = k == 0 ? double.NegativeInfinity : (boundaries[k - 1] - ability) / s;
            var hi = k == p.Length - 1 ? double.PositiveInfinity : (boundaries[k] - ability) / s;
            p[k] = Math.Max(0.0, lo >= 0 ? Normal.Cdf(-lo) - Normal.Cdf(-hi) : Normal.Cdf(hi) - Normal.Cdf(lo));
        }

        return p;
    }

    private static int Primary(double[] p, int median)
    {
        var max = p.Max();
        if (max - p[median] <= TieTolerance)
        {
            return median;
        }

        return Array.FindIndex(p, x => max - x <= TieTolerance);
    }
}
