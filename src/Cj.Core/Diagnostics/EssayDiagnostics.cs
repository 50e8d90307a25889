namespace Cj.Core.Diagnostics;

/// <summary>One essay's row of the diagnostics: counts, component, rank (1 = highest θ, ties by id) and fit.</summary>
public sealed record EssayDiagnostics(
    EssayId EssayId,
    double Ability,
    double StandardError,
    int Rank,
    int Comparisons,
    int Wins,
    int Losses,
    int ShownFirst,
    int Component,
    double Infit,
    double Outfit)
{
    /// <summary>Fewer than two comparisons: the ability rests mostly on the prior.</summary>
    public bool UnderCompared => Comparisons < 2;
}
