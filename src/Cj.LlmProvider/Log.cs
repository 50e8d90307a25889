using Microsoft.Extensions.Logging;

namespace Cj.LlmProvider;

/// <summary>
/// The service's log events (design §12). They carry ids, provider, model and mode, and hashes or lengths of
/// prompts: never prompt text, essays or secrets.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "comparison_queued queue_id={QueueId} correlation_id={CorrelationId} batch_id={BatchId} provider={Provider} model={Model} mode={Mode} prompt_sha256={PromptSha256} prompt_chars={PromptChars}")]
    public static partial void Queued(ILogger logger, string queueId, string correlationId, Guid batchId, string provider, string model, string mode, string promptSha256, int promptChars);

    [LoggerMessage(2, LogLevel.Information, "comparison_completed queue_id={QueueId} correlation_id={CorrelationId} batch_id={BatchId} provider={Provider} model={Model} mode={Mode} attempts={Attempts}")]
    public static partial void Completed(ILogger logger, string queueId, string correlationId, string batchId, string provider, string model, string mode, long attempts);

    [LoggerMessage(3, LogLevel.Warning, "comparison_failed queue_id={QueueId} correlation_id={CorrelationId} batch_id={BatchId} provider={Provider} model={Model} mode={Mode} attempts={Attempts} error_code={ErrorCode}")]
    public static partial void Failed(ILogger logger, string queueId, string correlationId, string batchId, string provider, string model, string mode, long attempts, string? errorCode);

    [LoggerMessage(4, LogLevel.Warning, "comparison_expired queue_id={QueueId} correlation_id={CorrelationId} batch_id={BatchId} provider={Provider} model={Model} mode={Mode} attempts={Attempts}")]
    public static partial void Expired(ILogger logger, string queueId, string correlationId, string batchId, string provider, string model, string mode, long attempts);

    [LoggerMessage(5, LogLevel.Information, "comparison_retry queue_id={QueueId} correlation_id={CorrelationId} provider={Provider} model={Model} attempts={Attempts} error_code={ErrorCode} delay_ms={DelayMs}")]
    public static partial void Retry(ILogger logger, string queueId, string correlationId, string provider, string model, long attempts, string? errorCode, double delayMs);

    [LoggerMessage(6, LogLevel.Warning, "leases_recovered count={Count}: legs of a stopped process returned to the queue")]
    public static partial void LeasesRecovered(ILogger logger, int count);

    [LoggerMessage(7, LogLevel.Error, "dispatcher_error: the dispatcher pass failed and will be retried")]
    public static partial void DispatcherError(ILogger logger, Exception exception);

    [LoggerMessage(12, LogLevel.Error, "admission_failed: one request of a batch admission could not be admitted and was answered 500")]
    public static partial void AdmissionFailed(ILogger logger, Exception exception);

    [LoggerMessage(8, LogLevel.Error, "provider_exception queue_id={QueueId} provider={Provider} exception_type={ExceptionType}")]
    public static partial void ProviderException(ILogger logger, string queueId, string provider, string exceptionType);

    [LoggerMessage(9, LogLevel.Warning, "comparison_rejected reason={Reason} correlation_id={CorrelationId} code={Code}")]
    public static partial void Rejected(ILogger logger, string reason, string? correlationId, string code);

    [LoggerMessage(10, LogLevel.Information, "service_started provider={Provider} database={Database} auth={Auth}")]
    public static partial void Started(ILogger logger, string provider, string database, string auth);

    [LoggerMessage(11, LogLevel.Warning, "synthetic_judgements_warning provider={Provider}: the default provider is offline, so every judgement is synthetic")]
    public static partial void SyntheticJudgements(ILogger logger, string provider);
}
