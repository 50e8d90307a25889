namespace Cj.Core.Diagnostics;

/// <summary>Split-half reliability: the median Pearson r between the abilities fitted to two random halves.</summary>
public sealed record SplitHalfResult(double MedianCorrelation, double SpearmanBrown, int Splits, string Mode);
