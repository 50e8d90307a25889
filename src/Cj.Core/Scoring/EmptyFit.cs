using System.Collections.Immutable;

namespace Cj.Core.Scoring;

/// <summary>The fits of no essays and of one essay (θ = 0, SE = 0, flagged <see cref="FitFlags.SingleItem"/>).</summary>
internal static class EmptyFit
{
    public static BtFit Of(JudgementData data, BtMethod method, FitFlags flags)
    {
        var n = data.Count;
        var zeros = ImmutableArray.Create(new double[n]);
        var nan = Enumerable.Repeat(double.NaN, n).ToImmutableArray();
        return new BtFit
        {
            Essays = data.Ids,
            Abilities = zeros,
            StandardErrors = zeros,
            ComponentOf = [.. new int[n]],
            ComponentCount = n,
            Method = method,
            Iterations = 0,
            Converged = true,
            Flags = flags,
            Infit = nan,
            Outfit = nan,
        };
    }
}
