namespace Cj.Core.Scoring;

/// <summary>Bradley–Terry fitting: the entry point every caller uses.</summary>
public static class BradleyTerry
{
    /// <summary>
    /// Fits abilities to <paramref name="judgements"/> over <paramref name="essays"/> with the method and settings of
    /// <paramref name="options"/> (default: MAP, σ = 3, position effect estimated). Unknown essay ids throw
    /// <see cref="ArgumentException"/>; data conditions (no judgements, separation, disconnection) are flags.
    /// </summary>
    public static BtFit Fit(IEnumerable<Essay> essays, IReadOnlyList<Judgement> judgements, FitOptions? options = null) =>
        Fit(JudgementData.Build(essays, judgements), options ?? FitOptions.Default);

    internal static BtFit Fit(JudgementData data, FitOptions options)
    {
        if (data.Count == 0)
        {
            return EmptyFit.Of(data, options.Method, FitFlags.None);
        }

        if (data.Count == 1)
        {
            return EmptyFit.Of(data, options.Method, FitFlags.SingleItem);
        }

        return options.Method switch
        {
            BtMethod.Map => MapFitter.Fit(data, options),
            BtMethod.Sirt => SirtFitter.Fit(data, options),
            BtMethod.Ilsr => IlsrFitter.Fit(data, options),
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Method, "Unknown fitting method."),
        };
    }
}
