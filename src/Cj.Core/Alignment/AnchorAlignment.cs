using Cj.Core.Grading;

namespace Cj.Core.Alignment;

/// <summary>How well the anchors' abilities agree with their expert grades (<c>20-cj-engine.md</c> §10).</summary>
public static class AnchorAlignment
{
    /// <summary>Values closer than this are tied.</summary>
    public const double TieTolerance = 1e-12;

    /// <summary>
    /// Kendall's τ_b = (n_c − n_d)/√((n₀ − n₁)(n₀ − n₂)) with ties on either side (values within
    /// <see cref="TieTolerance"/> are tied). Null, not 0, when n &lt; 2 or either side is constant.
    /// Throws <see cref="ArgumentException"/> for lists of different length or NaN values.
    /// </summary>
    public static double? KendallTauB(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count != y.Count)
        {
            throw new ArgumentException($"τ_b needs paired lists; got {x.Count} and {y.Count} values.", nameof(y));
        }

        if (x.Any(double.IsNaN) || y.Any(double.IsNaN))
        {
            throw new ArgumentException("τ_b of NaN is undefined.", nameof(x));
        }

        long concordant = 0, discordant = 0, tiedX = 0, tiedY = 0;
        var n = x.Count;
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                var sx = SignOf(x[i] - x[j]);
                var sy = SignOf(y[i] - y[j]);
                tiedX += sx == 0 ? 1 : 0;
                tiedY += sy == 0 ? 1 : 0;
                concordant += sx * sy > 0 ? 1 : 0;
                discordant += sx * sy < 0 ? 1 : 0;
            }
        }

        var pairs = (long)n * (n - 1) / 2;
        if (n < 2 || tiedX == pairs || tiedY == pairs)
        {
            return null;
        }

        return (concordant - discordant) / Math.Sqrt((double)(pairs - tiedX) * (pairs - tiedY));
    }

    /// <summary>
    /// Builds the alignment report for <paramref name="anchors"/> (grade indices on <paramref name="scale"/>) from
    /// <paramref name="judgements"/>. Judgements with a non-anchor count towards an anchor's wins and losses only;
    /// judgements without any anchor are ignored. The band check calibrates the anchors with
    /// <paramref name="options"/> (defaults of §9); pass the anchors of one component.
    /// Throws <see cref="ArgumentException"/> for duplicate ids, a grade index off the scale or a non-finite θ.
    /// </summary>
    public static AlignmentReport Report(
        GradeScale scale,
        IEnumerable<AlignmentAnchor> anchors,
        IEnumerable<AlignmentJudgement> judgements,
        GradingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(scale);
        ArgumentNullException.ThrowIfNull(anchors);
        ArgumentNullException.ThrowIfNull(judgements);
        return AlignmentReportBuilder.Build(scale, [.. anchors], [.. judgements], options ?? GradingOptions.Default);
    }

    private static int SignOf(double difference) =>
        Math.Abs(difference) <= TieTolerance ? 0 : Math.Sign(difference);
}
