namespace Cj.Core.Scoring;

/// <summary>Conditions a fit reports rather than throws.</summary>
[Flags]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "The design names these the fit flags.")]
public enum FitFlags
{
    None = 0,

    /// <summary>The graph of judgements has more than one component; abilities compare only within a component.</summary>
    Disconnected = 1,

    /// <summary>Some essay won or lost every comparison (ids in <see cref="BtFit.SeparatedEssays"/>); for plain ML also a failed Ford condition.</summary>
    Separated = 2,

    /// <summary>Exactly one essay: θ = 0 and SE = 0.</summary>
    SingleItem = 4,

    /// <summary>Two or more essays and no judgements: the prior alone.</summary>
    NoJudgements = 8,

    /// <summary>Plain maximum likelihood was asked for and Ford's condition fails, so the estimate does not exist.</summary>
    MlDoesNotExist = 16,

    /// <summary>Above the dense covariance limit SEs are the diagonal approximation 1/√(Hᵢᵢ + 1/σ²).</summary>
    DiagonalSe = 32,

    /// <summary>The position effect was asked for but the judgements cannot identify it; η is fixed at 0.</summary>
    PositionEffectUnidentified = 64,
}
