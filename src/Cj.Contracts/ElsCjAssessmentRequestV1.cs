namespace Cj.Contracts;

/// <summary>The runner's request for a CJ batch, published on <see cref="Topics.AssessmentRequested"/>.</summary>
public sealed record ElsCjAssessmentRequestV1(
    string EventName,
    string EntityId,
    string EntityType,
    string? ParentId,
    string Timestamp,
    SystemMetadata SystemMetadata,
    IReadOnlyList<EssayForCj> EssaysForCj,
    string Language,
    string CourseCode,
    string? AssignmentId,
    string UserId,
    string? OrgId,
    StudentPromptRef? StudentPromptRef,
    LlmConfigOverrides? LlmConfigOverrides);

/// <summary>One student essay to judge: its id and the content-store id (SHA-256 hex) of its text.</summary>
public sealed record EssayForCj(string EssayId, string TextStorageId);

/// <summary>Processing bookkeeping carried on batch events.</summary>
public sealed record SystemMetadata(
    string EntityId,
    string EntityType,
    string? ParentId,
    string Timestamp,
    string ProcessingStage,
    string Event,
    string? StartedAt,
    string? CompletedAt,
    ErrorInfo? ErrorInfo);

public sealed record ErrorInfo(string Reason, string? Details);

/// <summary>Where the student assignment prompt is stored: <c>{references: {STUDENT_PROMPT_TEXT: {storage_id, path}}}</c>.</summary>
public sealed record StudentPromptRef(IReadOnlyDictionary<string, StorageReference> References);

public sealed record StorageReference(string StorageId, string Path);

/// <summary>Per-batch LLM settings; null members leave the service defaults (temperature 0.0 is a value, not null).</summary>
public sealed record LlmConfigOverrides(
    string? ProviderOverride,
    string? ModelOverride,
    double? TemperatureOverride,
    int? MaxTokensOverride,
    string? SystemPromptOverride,
    string? JudgeRubricOverride,
    string? ReasoningEffort,
    string? OutputVerbosity,
    bool BothOrders);
