namespace Cj.Contracts;

/// <summary>Body of <c>POST /api/v1/comparison</c> on the LLM Provider Service (contracts §8).</summary>
public sealed record LlmComparisonRequest(
    string CorrelationId,
    string CallbackTopic,
    string? UserId,
    IReadOnlyDictionary<string, object?> Metadata,
    int Priority,
    int TtlSeconds,
    bool BothOrders,
    IReadOnlyList<PromptBlock> PromptBlocks,
    LlmRequestOverrides? LlmConfigOverrides);

/// <summary>One block of the prompt: <c>static</c> (assignment, criteria, rubric), <c>essay_a</c>, <c>essay_b</c> or <c>footer</c>.</summary>
public sealed record PromptBlock(string Kind, string Content, bool Cacheable = false, string? Ttl = null);

public sealed record LlmRequestOverrides(
    string? ProviderOverride,
    string? ModelOverride,
    double? TemperatureOverride,
    int? MaxTokensOverride,
    string? SystemPromptOverride,
    string? ReasoningEffort,
    string? OutputVerbosity);

/// <summary>The 202 answer: the provider service accepted the request and will publish exactly one result.</summary>
public sealed record LlmComparisonAccepted(string QueueId, string Status, string Message, double? EstimatedWaitMinutes, bool Duplicate);

/// <summary>RFC 7807 problem details with a stable snake_case <see cref="Code"/>.</summary>
public sealed record Problem(
    string Type,
    string Title,
    int Status,
    string? Detail,
    string Code,
    IReadOnlyDictionary<string, string[]>? Errors,
    string? CorrelationId);

/// <summary>Body of <c>POST /api/v1/comparisons</c>: up to 500 requests admitted together (ADR 0008).</summary>
public sealed record LlmComparisonBatchRequest(IReadOnlyList<LlmComparisonRequest> Requests);

/// <summary>The 200 answer of <c>POST /api/v1/comparisons</c>: one outcome per request, in the order sent.</summary>
public sealed record LlmComparisonBatchResponse(IReadOnlyList<LlmComparisonBatchItem> Results);

/// <summary>
/// One request's outcome in a batch admission: <see cref="Status"/> is the status the single endpoint would have
/// answered (202, 400, 409, 503); <see cref="Accepted"/> is its 202 body, <see cref="Problem"/> its refusal, and
/// <see cref="RetryAfterSeconds"/> its <c>Retry-After</c> for a 503.
/// </summary>
public sealed record LlmComparisonBatchItem(string? CorrelationId, int Status, LlmComparisonAccepted? Accepted, Problem? Problem, int? RetryAfterSeconds);
