using System.Collections.Immutable;

namespace Cj.Core.Scoring;

/// <summary>The estimated first-shown effect η (logits), its SE and σ(η), the first-shown essay's win chance at equal ability.</summary>
public sealed record PositionEstimate(double Eta, double StandardError)
{
    public double FirstShownWinProbability => Logistic.Sigma(Eta);
}

/// <summary>
/// A Bradley–Terry fit. Arrays are indexed like <see cref="Essays"/> (ordinal order of ids). Abilities are logits
/// with P(i beats j) = σ(θᵢ − θⱼ); standard errors are posterior SDs under the sum-to-zero constraint.
/// </summary>
public sealed record BtFit
{
    public required ImmutableArray<EssayId> Essays { get; init; }

    public required ImmutableArray<double> Abilities { get; init; }

    public required ImmutableArray<double> StandardErrors { get; init; }

    /// <summary>Row-major n×n sum-to-zero covariance of the abilities, when asked for and computed densely.</summary>
    public double[]? Covariance { get; init; }

    /// <summary>Component index of each essay in the graph of judgements (0 = the largest component).</summary>
    public required ImmutableArray<int> ComponentOf { get; init; }

    public required int ComponentCount { get; init; }

    public PositionEstimate? PositionEffect { get; init; }

    public required BtMethod Method { get; init; }

    public required int Iterations { get; init; }

    public required bool Converged { get; init; }

    public double MaxGradient { get; init; }

    public double LogPosterior { get; init; }

    public required FitFlags Flags { get; init; }

    /// <summary>Essays that won every or lost every comparison they took part in.</summary>
    public ImmutableArray<EssayId> SeparatedEssays { get; init; } = [];

    /// <summary>Information-weighted mean square fit per essay (NaN without comparisons).</summary>
    public required ImmutableArray<double> Infit { get; init; }

    /// <summary>Unweighted mean square fit per essay (NaN without comparisons).</summary>
    public required ImmutableArray<double> Outfit { get; init; }

    public int Count => Essays.Length;

    public int IndexOf(EssayId id)
    {
        var index = Essays.BinarySearch(id);
        return index >= 0 ? index : throw new ArgumentException($"Unknown essay id '{id}'.", nameof(id));
    }

    public double AbilityOf(EssayId id) => Abilities[IndexOf(id)];

    public double StandardErrorOf(EssayId id) => StandardErrors[IndexOf(id)];
}
