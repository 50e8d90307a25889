using Cj.Assessment.Store;
using Cj.Contracts;
using Cj.Core.Workflow;
using Cj.Hosting.Bus;
using Cj.Hosting.Store;
using Microsoft.Extensions.Logging;

namespace Cj.Assessment.Handlers;

/// <summary>
/// Handles <c>ELS_CJAssessmentRequestV1</c> idempotently: the event id is marked processed in the same transaction
/// that creates the batch (or writes its failure event); a request for an existing batch id creates nothing.
/// </summary>
internal sealed class AssessmentRequestHandler(
    BatchSteps steps, OutcomeWriter outcomes, CjAssessmentOptions options, TimeProvider time, AssessmentMetrics metrics, ILogger<AssessmentRequestHandler> logger)
{
    public async Task HandleAsync(BusMessage message, CancellationToken cancellationToken)
    {
        EventEnvelope<ElsCjAssessmentRequestV1> envelope;
        try
        {
            envelope = EnvelopeMessages.Read<ElsCjAssessmentRequestV1>(message);
        }
        catch (InvalidEventException ex)
        {
            logger.InvalidMessage(message.Topic, ex.Reason);
            metrics.InvalidMessage(message.Topic);
            await FailUnreadableAsync(message, ex.Reason, cancellationToken).ConfigureAwait(false);
            return;
        }

        var batchId = envelope.BatchId.ToString("D");
        var now = time.GetUtcNow();
        await steps.ApplyAsync(batchId, now, step => Decide(step, envelope, now), cancellationToken).ConfigureAwait(false);
        outcomes.Signal();
    }

    private BatchCreated? Decide(StepContext step, EventEnvelope<ElsCjAssessmentRequestV1> envelope, DateTimeOffset now)
    {
        if (!ProcessedEvents.TryMark(step.Connection, step.Transaction, envelope.EventId.ToString("D"), now))
        {
            logger.DuplicateEvent(envelope.EventId, what: "assessment request");
            return null;
        }

        var batchId = envelope.BatchId.ToString("D");
        if (step.Batch is not null)
        {
            logger.BatchExists(batchId);
            return null;
        }

        var (plan, failure) = BatchPlanner.Plan(step.Connection, step.Transaction, envelope, options);
        BatchStore.Insert(step.Connection, step.Transaction, new BatchRow
        {
            BatchId = batchId,
            CorrelationId = envelope.CorrelationId,
            State = failure is null ? BatchStatus.Running : BatchStatus.Failed,
            Status = failure is null ? BatchStatus.Processing : BatchStatus.ErrorProcessing,
            StopReason = failure?.Reason,
            RequestJson = StoredRequest.Serialize(envelope),
            PromptJson = plan?.Prompt.Serialize() ?? "{}",
            CreatedAt = DbTime.Store(now),
            UpdatedAt = DbTime.Store(now),
            DeadlineAt = DbTime.Store(now + TimeSpan.FromHours(options.BatchTimeoutHours)),
        });
        if (failure is not null || plan is null)
        {
            logger.RequestRefused(batchId, failure!.Reason, failure.Details);
            if (failure.PromptMissing)
            {
                metrics.PromptFetchFailed();
            }

            var identity = new BatchIdentity(envelope.BatchId, envelope.CorrelationId, envelope.Data, DbTime.Wire(now), null);
            outcomes.WriteFailed(step.Connection, step.Transaction, identity, failure.Reason, failure.Details, new ComparisonCounts(0, 0, 0), now);
            return null;
        }

        BatchStore.InsertEssays(step.Connection, step.Transaction, batchId, plan.Essays);
        logger.BatchCreated(batchId, plan.Essays.Count, BatchPlanner.WireName(plan.Settings.BatchingMode));
        metrics.BatchStarted(BatchPlanner.WireName(plan.Settings.BatchingMode));
        return new BatchCreated(now, batchId, plan.EngineEssays, plan.Settings, plan.RequestMaxComparisons, plan.Mode);
    }

    /// <summary>A request that is not readable but names a batch and a correlation id still gets <c>invalid_request</c>.</summary>
    private async Task FailUnreadableAsync(BusMessage message, string reason, CancellationToken cancellationToken)
    {
        if (!message.Headers.TryGetValue(EnvelopeMessages.BatchIdHeader, out var batchText) || !Guid.TryParse(batchText, out var batchGuid)
            || !message.Headers.TryGetValue(EnvelopeMessages.CorrelationIdHeader, out var correlationId) || string.IsNullOrEmpty(correlationId))
        {
            return;
        }

        var batchId = batchGuid.ToString("D");
        var now = time.GetUtcNow();
        await steps.ApplyAsync(batchId, now, step =>
        {
            var eventId = message.Headers.GetValueOrDefault(EnvelopeMessages.EventIdHeader);
            if (step.Batch is not null || (eventId is { Length: > 0 } && !ProcessedEvents.TryMark(step.Connection, step.Transaction, eventId, now)))
            {
                return null;
            }

            BatchStore.Insert(step.Connection, step.Transaction, new BatchRow
            {
                BatchId = batchId,
                CorrelationId = correlationId,
                State = BatchStatus.Failed,
                Status = BatchStatus.ErrorProcessing,
                StopReason = "invalid_request",
                RequestJson = "{}",
                PromptJson = "{}",
                CreatedAt = DbTime.Store(now),
                UpdatedAt = DbTime.Store(now),
                DeadlineAt = DbTime.Store(now),
            });
            var identity = new BatchIdentity(batchGuid, correlationId, null, DbTime.Wire(now), null);
            outcomes.WriteFailed(step.Connection, step.Transaction, identity, "invalid_request", reason, new ComparisonCounts(0, 0, 0), now);
            return null;
        }, cancellationToken).ConfigureAwait(false);
        outcomes.Signal();
    }
}
