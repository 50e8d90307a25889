namespace Cj.Runner.Analyse;

/// <summary>The JSON document <c>analyse</c> writes (the "analyse contract" of the runner design), in snake_case.</summary>
internal sealed record AnalyseResult(
    string Method,
    int Items,
    int Judgements,
    int Components,
    bool Converged,
    int Iterations,
    IReadOnlyList<string> Flags,
    PositionEffectOutput? PositionEffect,
    string? GradeScale,
    CalibrationOutput? Calibration,
    IReadOnlyList<EssayOutput> Essays,
    ReliabilityOutput Reliability);

internal sealed record EssayOutput(
    string EssayId,
    double Ability,
    double? StandardError,
    int Rank,
    int Component,
    int ComparisonCount,
    int Wins,
    int Losses,
    double? Infit,
    double? Outfit,
    bool IsAnchor,
    string? AnchorGrade,
    GradeProjectionOutput? GradeProjection,
    string? ProjectionUnavailable);

internal sealed record GradeProjectionOutput(
    string Grade,
    string MedianGrade,
    IReadOnlyDictionary<string, double> Probabilities,
    double ExpectedGradeIndex,
    double ConfidenceScore,
    string ConfidenceLabel,
    double JudgingCertainty);

internal sealed record CalibrationOutput(
    int Component,
    IReadOnlyList<GradeLocationOutput> Grades,
    IReadOnlyList<double> Boundaries,
    double BoundarySd,
    IReadOnlyList<string> AnchorsOutsideOwnBand);

internal sealed record GradeLocationOutput(string Grade, double Location, string Source, int Anchors);

internal sealed record PositionEffectOutput(double Eta, double StandardError, double FirstShownWinProbability);

internal sealed record ReliabilityOutput(
    double? Ssr,
    double? SeparationIndex,
    SplitHalfOutput? SplitHalf,
    double MeanStandardError,
    double MaxStandardError,
    PositionBiasOutput PositionBias,
    double? EbReliability,
    double? AbilitySd);

internal sealed record SplitHalfOutput(double MedianCorrelation, double SpearmanBrown, int Splits, string Mode);

internal sealed record PositionBiasOutput(int JudgementsWithPosition, double? FirstPositionWinRate, double? SwapConsistency);
