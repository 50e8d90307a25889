namespace Cj.Contracts;

/// <summary>Real comparison counts of a batch.</summary>
public sealed record ComparisonCounts(int Requested, int Succeeded, int Failed);

public sealed record ProcessingSummary(
    int TotalEssays,
    int Successful,
    int Failed,
    IReadOnlyList<string> SuccessfulEssayIds,
    IReadOnlyList<string> FailedEssayIds,
    double ProcessingTimeSeconds,
    bool SingleEssayBatch);

/// <summary>Published on <see cref="Topics.AssessmentCompleted"/> when a batch completes.</summary>
public sealed record CjAssessmentCompletedV1(
    string EventName,
    string EntityId,
    string EntityType,
    string? ParentId,
    string Timestamp,
    SystemMetadata SystemMetadata,
    string Status,
    string CjAssessmentJobId,
    ProcessingSummary ProcessingSummary,
    string StopReason,
    string BatchStatus,
    ComparisonCounts Comparisons);

/// <summary>Published on <see cref="Topics.AssessmentFailed"/> on every failure path.</summary>
public sealed record CjAssessmentFailedV1(
    string EventName,
    string EntityId,
    string EntityType,
    string? ParentId,
    string Timestamp,
    SystemMetadata SystemMetadata,
    string Status,
    string? CjAssessmentJobId,
    string FailureReason,
    string BatchStatus,
    ComparisonCounts Comparisons);
