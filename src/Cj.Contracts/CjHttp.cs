namespace Cj.Contracts;

/// <summary>The answer of <c>POST /v1/content</c>: the storage id is the SHA-256 hex of the UTF-8 text.</summary>
public sealed record ContentStored(string StorageId, string CorrelationId);

/// <summary>Body of <c>POST /admin/v1/assessment-instructions</c>.</summary>
public sealed record AssessmentInstructionsRequest(
    string? AssignmentId,
    string? CourseId,
    string InstructionsText,
    string GradeScale,
    string ContextOrigin,
    string? StudentPromptStorageId,
    string? JudgeRubricText = null);

/// <summary>Body of <c>POST /api/v1/anchors/register</c>.</summary>
public sealed record AnchorRegistrationRequest(string AssignmentId, string Grade, string? AnchorLabel, string EssayText);

public sealed record AnchorRegistered(string AnchorId, string StorageId, string GradeScale, string Status);

/// <summary>Answer of <c>GET /api/v1/batches/{batch_id}</c>.</summary>
public sealed record BatchStatusView(
    string BatchId,
    string State,
    string Status,
    BatchComparisonsView Comparisons,
    int CurrentWave,
    string? StopReason,
    string UpdatedAt);

public sealed record BatchComparisonsView(int Budget, int Requested, int Succeeded, int Failed);
