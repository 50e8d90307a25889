namespace Cj.Core.Diagnostics;

/// <summary>The shape of the comparison graph.</summary>
public sealed record GraphSummary(
    IReadOnlyList<int> ComponentSizes,
    int IsolatedEssays,
    int MinComparisons,
    double MeanComparisons,
    int MaxComparisons,
    int DistinctPairs,
    long PossiblePairs,
    int RepeatedPairs);
