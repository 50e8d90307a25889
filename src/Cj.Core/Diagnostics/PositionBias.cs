namespace Cj.Core.Diagnostics;

/// <summary>
/// How often the first-shown essay won (with a Wilson 95% interval), and swap consistency: over pairs judged in
/// both orders, the share where the same essay won the majority in each order (pairs with a tied order skipped).
/// </summary>
public sealed record PositionBias(
    int JudgementsWithPosition,
    int FirstShownWins,
    double? FirstPositionWinRate,
    double? WilsonLower,
    double? WilsonUpper,
    int PairsJudgedInBothOrders,
    int ConsistentPairs,
    double? SwapConsistency)
{
    public static PositionBias Of(IReadOnlyList<Judgement> judgements)
    {
        var known = judgements.Where(j => j.ShownFirst is not null).ToArray();
        var firstWins = known.Count(j => j.ShownFirst == j.Winner);
        var (rate, lower, upper) = Wilson(firstWins, known.Length);

        // Per ordered presentation (first, second): net wins of the first-shown essay.
        var net = new Dictionary<(EssayId First, EssayId Second), int>();
        foreach (var j in known)
        {
            var second = j.ShownFirst == j.Winner ? j.Loser : j.Winner;
            var key = (j.ShownFirst!.Value, second);
            net[key] = net.GetValueOrDefault(key) + (j.ShownFirst == j.Winner ? 1 : -1);
        }

        var both = 0;
        var consistent = 0;
        foreach (var ((first, second), firstNet) in net)
        {
            if (first.CompareTo(second) > 0 || !net.TryGetValue((second, first), out var swappedNet))
            {
                continue;
            }

            if (firstNet == 0 || swappedNet == 0)
            {
                continue;
            }

            both++;
            // The same essay won both orders when the first-shown majority flips with the order.
            if (Math.Sign(firstNet) != Math.Sign(swappedNet))
            {
                consistent++;
            }
        }

        return new PositionBias(known.Length, firstWins, rate, lower, upper, both, consistent, both == 0 ? null : (double)consistent / both);
    }

    private static (double?, double?, double?) Wilson(int successes, int n)
    {
        if (n == 0)
        {
            return (null, null, null);
        }

        const double z = 1.959963984540054;
        var p = (double)successes / n;
        var denominator = 1 + (z * z / n);
        var centre = (p + (z * z / (2 * n))) / denominator;
        var half = z * Math.Sqrt((p * (1 - p) / n) + (z * z / (4.0 * n * n))) / denominator;
        return (p, centre - half, centre + half);
    }
}
