using Microsoft.Extensions.Logging;

namespace Cj.Assessment;

/// <summary>The service's log events (source-generated). Secrets and prompt or essay texts are never logged.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "cj_batch_created batch_id={BatchId} essays={Essays} batching_mode={BatchingMode}")]
    public static partial void BatchCreated(this ILogger logger, string batchId, int essays, string batchingMode);

    [LoggerMessage(2, LogLevel.Warning, "cj_request_refused batch_id={BatchId} reason={Reason} details={Details}")]
    public static partial void RequestRefused(this ILogger logger, string batchId, string reason, string details);

    [LoggerMessage(3, LogLevel.Information, "cj_batch_exists batch_id={BatchId}: a request for an existing batch creates nothing")]
    public static partial void BatchExists(this ILogger logger, string batchId);

    [LoggerMessage(4, LogLevel.Information, "cj_duplicate_event event_id={EventId} ({What}) skipped")]
    public static partial void DuplicateEvent(this ILogger logger, Guid eventId, string what);

    [LoggerMessage(5, LogLevel.Warning, "cj_invalid_message topic={Topic} reason={Reason}")]
    public static partial void InvalidMessage(this ILogger logger, string topic, string reason);

    [LoggerMessage(6, LogLevel.Warning, "cj_unknown_correlation correlation_id={CorrelationId} skipped")]
    public static partial void UnknownCorrelation(this ILogger logger, string correlationId);

    [LoggerMessage(7, LogLevel.Information, "cj_wave_scored batch_id={BatchId} wave={Wave} successes={Successes} max_change={MaxChange}")]
    public static partial void WaveScored(this ILogger logger, string batchId, int wave, int successes, double? maxChange);

    [LoggerMessage(8, LogLevel.Error, "cj_step_failed batch_id={BatchId}: the batch fails with scoring_failed")]
    public static partial void StepFailed(this ILogger logger, string batchId, Exception exception);

    [LoggerMessage(9, LogLevel.Warning, "cj_attempt_refused correlation_id={RequestId} http_status={Status} error_code={ErrorCode}")]
    public static partial void AttemptRefused(this ILogger logger, string requestId, int status, string errorCode);

    [LoggerMessage(10, LogLevel.Error, "cj_dispatch_failed correlation_id={RequestId}")]
    public static partial void DispatchFailed(this ILogger logger, string requestId, Exception exception);

    [LoggerMessage(11, LogLevel.Warning, "cj_attempt_timed_out correlation_id={RequestId}")]
    public static partial void AttemptTimedOut(this ILogger logger, string requestId);

    [LoggerMessage(12, LogLevel.Warning, "cj_batch_deadline batch_id={BatchId}")]
    public static partial void BatchDeadline(this ILogger logger, string batchId);

    [LoggerMessage(13, LogLevel.Error, "cj_sweep_failed")]
    public static partial void SweepFailed(this ILogger logger, Exception exception);

    [LoggerMessage(14, LogLevel.Information, "cj_batch_resumed batch_id={BatchId} pending_attempts={Pending}")]
    public static partial void BatchResumed(this ILogger logger, string batchId, int pending);

    [LoggerMessage(15, LogLevel.Warning, "cj_setting_ignored {Warning}")]
    public static partial void SettingIgnored(this ILogger logger, string warning);
}
