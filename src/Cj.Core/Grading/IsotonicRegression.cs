namespace Cj.Core.Grading;

/// <summary>Weighted isotonic (non-decreasing) regression by pool-adjacent-violators.</summary>
internal static class IsotonicRegression
{
    /// <summary>
    /// The weighted least-squares non-decreasing fit of <paramref name="values"/>, and per value whether it was pooled
    /// with a neighbour. Only strict violations pool: equal neighbours stay separate.
    /// </summary>
    public static (double[] Fitted, bool[] Pooled) Fit(IReadOnlyList<double> values, IReadOnlyList<double> weights)
    {
        var n = values.Count;
        var blockMean = new double[n];
        var blockWeight = new double[n];
        var blockStart = new int[n];
        var blocks = 0;
        for (var i = 0; i < n; i++)
        {
            blockMean[blocks] = values[i];
            blockWeight[blocks] = weights[i];
            blockStart[blocks] = i;
            blocks++;
            while (blocks > 1 && blockMean[blocks - 2] > blockMean[blocks - 1])
            {
                var w = blockWeight[blocks - 2] + blockWeight[blocks - 1];
                blockMean[blocks - 2] =
                    ((blockMean[blocks - 2] * blockWeight[blocks - 2]) + (blockMean[blocks - 1] * blockWeight[blocks - 1])) / w;
                blockWeight[blocks - 2] = w;
                blocks--;
            }
        }

        var fitted = new double[n];
        var pooled = new bool[n];
        for (var b = 0; b < blocks; b++)
        {
            var end = b + 1 < blocks ? blockStart[b + 1] : n;
            for (var i = blockStart[b]; i < end; i++)
            {
                fitted[i] = blockMean[b];
                pooled[i] = end - blockStart[b] > 1;
            }
        }

        return (fitted, pooled);
    }
}
