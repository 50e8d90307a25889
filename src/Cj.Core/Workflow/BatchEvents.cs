using System.Collections.Immutable;

namespace Cj.Core.Workflow;

/// <summary>Whether a batch grades students against anchors or ranks the anchors alone.</summary>
public enum BatchMode
{
    Normal,
    AnchorAlign,
}

/// <summary>Something that happened to a batch; time arrives on the event.</summary>
public abstract record BatchEvent(DateTimeOffset At);

public sealed record BatchCreated(
    DateTimeOffset At,
    string BatchId,
    ImmutableArray<Essay> Essays,
    EngineSettings Settings,
    int? RequestMaxComparisons = null,
    BatchMode Mode = BatchMode.Normal) : BatchEvent(At);

public sealed record ComparisonSucceeded(
    DateTimeOffset At,
    string RequestId,
    EssayId WinnerId,
    string? JudgeId = null,
    string? Model = null,
    double? Confidence = null) : BatchEvent(At);

public sealed record ComparisonFailed(DateTimeOffset At, string RequestId, string ErrorCode, bool Retryable) : BatchEvent(At);

public sealed record ComparisonTimedOut(DateTimeOffset At, string RequestId) : BatchEvent(At);

public sealed record BatchDeadlineReached(DateTimeOffset At) : BatchEvent(At);

public sealed record BatchCancelled(DateTimeOffset At, string Reason) : BatchEvent(At);
