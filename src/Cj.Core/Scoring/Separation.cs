using System.Collections.Immutable;

namespace Cj.Core.Scoring;

/// <summary>The data-condition flags every fitting method reports in the same way as the MAP fit.</summary>
internal static class Separation
{
    /// <summary>Essays that took part in some comparison and won all or lost all of them.</summary>
    public static ImmutableArray<EssayId> SeparatedEssays(JudgementData data) =>
        [.. Enumerable.Range(0, data.Count)
            .Where(i => data.ComparisonsOf(i) > 0 && (data.Wins[i] == 0 || data.Losses[i] == 0))
            .Select(i => data.Ids[i])];

    /// <summary>
    /// <see cref="FitFlags.Disconnected"/>, <see cref="FitFlags.NoJudgements"/> and <see cref="FitFlags.Separated"/>, as
    /// the MAP fit with a prior sets them. Ford's condition is not checked: neither sirt's ε-adjusted scores nor ILSR's
    /// α rates are plain maximum likelihood, so both stay finite without it.
    /// </summary>
    public static FitFlags Flags(JudgementData data, int componentCount, ImmutableArray<EssayId> separated)
    {
        var flags = FitFlags.None;
        if (componentCount > 1)
        {
            flags |= FitFlags.Disconnected;
        }

        if (data.JudgementCount == 0)
        {
            flags |= FitFlags.NoJudgements;
        }

        if (separated.Length > 0)
        {
            flags |= FitFlags.Separated;
        }

        return flags;
    }
}
