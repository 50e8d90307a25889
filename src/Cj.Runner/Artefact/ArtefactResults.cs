namespace Cj.Runner.Artefact;

/// <summary><c>results</c>: status, stop reason, waves, every comparison and every essay.</summary>
internal sealed record ArtefactResults(
    string Status,
    string? StopReason,
    IReadOnlyList<WaveRecord> Waves,
    IReadOnlyList<ComparisonRecord> Comparisons,
    IReadOnlyList<EssayRecord> Essays,
    ReliabilityRecord? Reliability);

internal sealed record WaveRecord(int Wave, int Comparisons, double? MaxScoreChange, double? Ssr);

internal sealed record ComparisonRecord(
    long Sequence,
    string RequestId,
    string CorrelationId,
    int Wave,
    string EssayAId,
    string EssayBId,
    string? WinnerId,
    string? LoserId,
    string Status,
    double? Confidence,
    string? Justification,
    string Provider,
    string Model,
    string PromptSha256,
    string GradeScale,
    TokenRecord Tokens,
    decimal? CostUsd,
    string? RequestedAt,
    string? CompletedAt,
    string? ErrorCode,
    string? FailureReason);

internal sealed record TokenRecord(int Prompt, int Completion, int CacheRead, int CacheWrite);

internal sealed record EssayRecord(
    string EssayId,
    bool IsAnchor,
    string? AnchorGrade,
    double? Ability,
    double? StandardError,
    int? Rank,
    int ComparisonCount,
    int Wins,
    int Losses,
    double? Infit,
    double? Outfit,
    GradeProjectionRecord? GradeProjection,
    StoragePointer StudentPromptRef);

internal sealed record GradeProjectionRecord(
    string Grade,
    string GradeScale,
    IReadOnlyDictionary<string, double> Probabilities,
    double ExpectedGradeIndex,
    double ConfidenceScore,
    string ConfidenceLabel);

internal sealed record StoragePointer(string StorageId);

internal sealed record ReliabilityRecord(
    double? Ssr,
    double? SeparationIndex,
    double? SplitHalf,
    double? MeanStandardError,
    PositionBiasRecord PositionBias,
    double? EbReliability = null,
    double? AbilitySd = null);

internal sealed record PositionBiasRecord(double? FirstPositionWinRate, double? SwapConsistency);
