using System.Collections.Immutable;

namespace Cj.Core.Grading;

/// <summary>Steps 1–8 of the calibration in <c>20-cj-engine.md</c> §9, on anchors already resolved to grade indices.</summary>
internal static class GradeCalibrator
{
    // Widths and band edges closer than this are equal: midpoints such as (0.8 + 0.9)/2 carry rounding noise.
    private const double Tolerance = 1e-12;

    public static GradeCalibration Calibrate(
        GradeScale scale, IReadOnlyList<(GradeAnchor Anchor, int Index)> anchors, GradingOptions options)
    {
        var count = scale.Count;
        var byGrade = new List<double>[count];
        for (var k = 0; k < count; k++)
        {
            byGrade[k] = [];
        }

        foreach (var (anchor, index) in anchors)
        {
            byGrade[index].Add(anchor.Ability);
        }

        var anchored = Enumerable.Range(0, count).Where(k => byGrade[k].Count > 0).ToArray();
        if (anchored.Length < 2)
        {
            return GradeCalibration.NotAvailable(scale, options, ProjectionUnavailable.NotEnoughAnchorGrades);
        }

        var raw = anchored.Select(k => Locate(byGrade[k], options.AnchorLocation)).ToArray();
        var (fitted, pooled) = IsotonicRegression.Fit(raw, anchored.Select(k => (double)byGrade[k].Count).ToArray());
        var span = fitted[^1] - fitted[0];
        if (span <= 0 || span < options.MinAnchorSpan)
        {
            return GradeCalibration.NotAvailable(scale, options, ProjectionUnavailable.AnchorsNotOrdered);
        }

        var (locations, sources) = FillChain(count, anchored, fitted);
        var boundaries = new double[count - 1];
        for (var k = 1; k < count; k++)
        {
            boundaries[k - 1] = (locations[k - 1] + locations[k]) / 2;
        }

        var outOfOrder = new bool[count];
        for (var j = 0; j < anchored.Length; j++)
        {
            outOfOrder[anchored[j]] = pooled[j];
        }

        var grades = Enumerable.Range(0, count).Select(k => new GradeLocation(
            scale.Grades[k],
            k,
            locations[k],
            byGrade[k].Count,
            sources[k],
            outOfOrder[k],
            k > 0 && k < count - 1 && boundaries[k] - boundaries[k - 1] <= Tolerance)).ToImmutableArray();

        var v = PooledVariance(byGrade, anchors);
        var boundaryVariance = options.BoundaryUncertainty == BoundaryUncertainty.Pooled
            ? Enumerable.Range(1, count - 1)
                .Average(k => 0.25 * ((v / Math.Max(byGrade[k - 1].Count, 1)) + (v / Math.Max(byGrade[k].Count, 1))))
            : 0.0;

        var checks = anchors.Select(a => new AnchorCheck(
            a.Anchor.Id,
            scale.Grades[a.Index],
            a.Index,
            a.Anchor.Ability,
            OutsideBand(boundaries, a.Index, a.Anchor.Ability))).ToImmutableArray();

        return new GradeCalibration
        {
            Scale = scale,
            Options = options,
            Grades = grades,
            Boundaries = [.. boundaries],
            PooledVariance = v,
            BoundaryVariance = boundaryVariance,
            AnchorChecks = checks,
        };
    }

    internal static double Locate(List<double> abilities, AnchorLocation how)
    {
        if (how == AnchorLocation.Mean)
        {
            return abilities.Average();
        }

        var sorted = abilities.Order().ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    // Step 5: anchored grades keep their isotonic location; gaps are interpolated by grade index; outer grades
    // step away from the anchored range at the mean step (m_hi − m_lo)/(idx_hi − idx_lo).
    private static (double[] Locations, GradeLocationSource[] Sources) FillChain(int count, int[] anchored, double[] fitted)
    {
        var locations = new double[count];
        var sources = new GradeLocationSource[count];
        int lo = anchored[0], hi = anchored[^1];
        var step = (fitted[^1] - fitted[0]) / (hi - lo);
        for (var k = 0; k < count; k++)
        {
            var j = Array.BinarySearch(anchored, k);
            if (j >= 0)
            {
                (locations[k], sources[k]) = (fitted[j], GradeLocationSource.Anchored);
            }
            else if (k < lo || k > hi)
            {
                (locations[k], sources[k]) = (k < lo ? fitted[0] - (step * (lo - k)) : fitted[^1] + (step * (k - hi)),
                    GradeLocationSource.Extrapolated);
            }
            else
            {
                var right = ~j;
                var (a, b) = (anchored[right - 1], anchored[right]);
                var t = (double)(k - a) / (b - a);
                (locations[k], sources[k]) = (fitted[right - 1] + (t * (fitted[right] - fitted[right - 1])),
                    GradeLocationSource.Interpolated);
            }
        }

        return (locations, sources);
    }

    // Step 7: within-grade sum of squares about each grade's mean over grades with ≥ 2 anchors, divided by Σ(nₖ − 1).
    private static double PooledVariance(List<double>[] byGrade, IReadOnlyList<(GradeAnchor Anchor, int Index)> anchors)
    {
        double sumSquares = 0;
        var degrees = 0;
        foreach (var abilities in byGrade.Where(g => g.Count >= 2))
        {
            var mean = abilities.Average();
            sumSquares += abilities.Sum(x => (x - mean) * (x - mean));
            degrees += abilities.Count - 1;
        }

        return degrees > 0
            ? sumSquares / degrees
            : anchors.Average(a => a.Anchor.StandardError * a.Anchor.StandardError);
    }

    private static bool OutsideBand(double[] boundaries, int k, double ability)
    {
        var lower = k == 0 ? double.NegativeInfinity : boundaries[k - 1];
        var upper = k == boundaries.Length ? double.PositiveInfinity : boundaries[k];
        return ability < lower - Tolerance || ability > upper + Tolerance;
    }
}
