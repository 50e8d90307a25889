namespace Cj.Contracts;

/// <summary>The rich result of a completed batch, published on <see cref="Topics.AssessmentResultPublished"/>.</summary>
public sealed record AssessmentResultV1(
    string BatchId,
    string CjAssessmentJobId,
    string? AssignmentId,
    string CourseCode,
    string AssessmentMethod,
    string? ModelUsed,
    string? ModelProvider,
    string? ModelVersion,
    string AssessedAt,
    string GradeScale,
    IReadOnlyList<string> GradeScaleLabels,
    IReadOnlyList<EssayResult> EssayResults,
    AssessmentMetadata AssessmentMetadata);

public sealed record EssayResult(
    string EssayId,
    bool IsAnchor,
    string? DisplayName,
    string? AnchorGrade,
    double BtScore,
    double StandardError,
    int Rank,
    int ComparisonCount,
    int Wins,
    int Losses,
    string? LetterGrade,
    IReadOnlyDictionary<string, double>? GradeProbabilities,
    double? NormalizedScore,
    double? ConfidenceScore,
    string? ConfidenceLabel,
    double? Infit,
    double? Outfit,
    string? FeedbackUri,
    string? MetricsUri);

public sealed record AssessmentMetadata(
    int AnchorEssaysUsed,
    string CalibrationMethod,
    bool ProjectionsAvailable,
    IReadOnlyDictionary<string, int> AnchorGradeDistribution,
    int ComparisonCount,
    int FailedComparisonCount,
    int ComparisonsRequested,
    string StopReason,
    ResultReliability Reliability,
    ResultPositionBias PositionBias,
    decimal CostUsd,
    double ProcessingDurationSeconds,
    double? LlmTemperature,
    string? LlmReasoningEffort,
    string? LlmOutputVerbosity,
    string? AssignmentId,
    string CourseCode);

/// <summary>
/// Reliability of the scale: SSR, separation G and split-half as the field reports them, plus the empirical-Bayes
/// reliability and ability SD (ADR 0005), which adaptive pairing cannot inflate.
/// </summary>
public sealed record ResultReliability(double? Ssr, double? SeparationIndex, double? SplitHalf, double? EbReliability = null, double? AbilitySd = null);

public sealed record ResultPositionBias(double? FirstPositionWinRate, double? SwapConsistency, double? PositionEffect);
