using System.Collections.Frozen;
using Cj.Assessment.Store;
using Cj.Contracts;
using Cj.Core;
using Cj.Core.Workflow;
using Cj.Hosting.Bus;
using Cj.Hosting.Store;
using Microsoft.Extensions.Logging;

namespace Cj.Assessment.Handlers;

/// <summary>
/// Handles <c>LLMComparisonResultV1</c>: maps the correlation id (the request id) to its batch and attempt, records
/// the verdict or error with provider, model, tokens, cost and prompt hash, and applies the judgement. "Essay A" is
/// the first essay of the attempt, "Essay B" the second; anything else is a failed attempt, never a default winner.
/// Duplicates (by event id or by attempt) and unknown correlation ids change nothing.
/// </summary>
internal sealed class ComparisonResultHandler(BatchSteps batchSteps, TimeProvider time, AssessmentMetrics metrics, ILogger<ComparisonResultHandler> logger)
{
    private static readonly FrozenSet<string> RetryableCodes = new[]
    {
        "QUEUE_EXPIRED", "RATE_LIMITED", "RATE_LIMIT", "SERVER_ERROR", "PROVIDER_UNAVAILABLE", "TIMEOUT", "CONNECTION_ERROR",
        "INVALID_RESPONSE", "OUTPUT_TRUNCATED", "BATCH_ITEM_EXPIRED",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static bool IsRetryable(string errorCode) => RetryableCodes.Contains(errorCode);

    /// <summary>The most results handled in one transaction.</summary>
    public const int MaxBatch = 256;

    /// <summary>Handles results taken from the bus together, in one transaction (duplicates and strangers change nothing).</summary>
    public async Task HandleAsync(IReadOnlyList<BusMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var now = time.GetUtcNow();
        var steps = new List<Step>(messages.Count);
        var settled = new List<string>(messages.Count);
        foreach (var message in messages)
        {
            EventEnvelope<LlmComparisonResultV1> envelope;
            try
            {
                envelope = EnvelopeMessages.Read<LlmComparisonResultV1>(message);
            }
            catch (InvalidEventException ex)
            {
                logger.InvalidMessage(message.Topic, ex.Reason);
                metrics.InvalidMessage(message.Topic);
                continue;
            }

            var result = envelope.Data;
            if (!RequestIds.TryParse(result.CorrelationId, out var batchId))
            {
                logger.UnknownCorrelation(result.CorrelationId);
                continue;
            }

            steps.Add(new Step(batchId, step => Decide(step, envelope, result, now, settled)));
        }

        if (steps.Count > 0)
        {
            await batchSteps.ApplyAsync(steps, now, cancellationToken).ConfigureAwait(false);
        }

        // Counted once committed, so a batch delivered again after a rollback is not counted twice.
        foreach (var outcome in settled)
        {
            metrics.ComparisonSettled(outcome);
        }
    }

    private BatchEvent? Decide(
        StepContext step, EventEnvelope<LlmComparisonResultV1> envelope, LlmComparisonResultV1 result, DateTimeOffset now, List<string> settled)
    {
        if (!ProcessedEvents.TryMark(step.Connection, step.Transaction, envelope.EventId.ToString("D"), now))
        {
            logger.DuplicateEvent(envelope.EventId, what: "comparison result");
            return null;
        }

        var attempt = ComparisonStore.Find(step.Connection, step.Transaction, result.CorrelationId);
        if (step.Batch is null || attempt is null)
        {
            logger.UnknownCorrelation(result.CorrelationId);
            return null;
        }

        if (attempt.CallbackEventId is not null)
        {
            logger.DuplicateEvent(envelope.EventId, what: "second result for an attempt");
            return null;
        }

        var winner = result.ErrorDetail is null
            ? result.Winner switch
            {
                LlmComparisonResultV1.EssayA => attempt.EssayAId,
                LlmComparisonResultV1.EssayB => attempt.EssayBId,
                _ => null,
            }
            : null;
        if (winner is not null)
        {
            ComparisonStore.RecordResult(step.Connection, step.Transaction, result, winner, ComparisonStore.Succeeded, envelope.EventId, now);
            if (step.Batch.State.Comparisons is var comparisons && attempt.ComparisonSeq < comparisons.Count && comparisons[(int)attempt.ComparisonSeq].Attempts.Count > 1)
            {
                ComparisonStore.Supersede(step.Connection, step.Transaction, attempt.BatchId, attempt.ComparisonSeq, now);
            }

            settled.Add("succeeded");
            return new ComparisonSucceeded(now, result.CorrelationId, new EssayId(winner), null, result.Model, result.Confidence);
        }

        var code = result.ErrorDetail?.ErrorCode ?? "INVALID_RESPONSE";
        ComparisonStore.RecordResult(step.Connection, step.Transaction, result, null, ComparisonStore.Failed, envelope.EventId, now);
        settled.Add("failed");
        return new ComparisonFailed(now, result.CorrelationId, code, IsRetryable(code));
    }
}

/// <summary>Request ids are <c>{batchId}:{seq:D6}:{attempt}</c>; the batch id is everything before the last two parts.</summary>
internal static class RequestIds
{
    public static bool TryParse(string? requestId, out string batchId)
    {
        batchId = "";
        var last = requestId?.LastIndexOf(':') ?? -1;
        var middle = last > 0 ? requestId!.LastIndexOf(':', last - 1) : -1;
        if (middle <= 0)
        {
            return false;
        }

        batchId = requestId![..middle];
        return int.TryParse(requestId.AsSpan(middle + 1, last - middle - 1), out _) && int.TryParse(requestId.AsSpan(last + 1), out _);
    }
}
