using Cj.Assessment.Store;
using Cj.Contracts;
using Cj.Core.Workflow;
using Cj.Hosting.Bus;
using Cj.Hosting.Outbox;
using Microsoft.Data.Sqlite;

namespace Cj.Assessment.Handlers;

/// <summary>
/// Writes a batch's terminal events to the outbox in the caller's transaction: <c>CJAssessmentCompletedV1</c> plus
/// <c>AssessmentResultV1</c> and <c>ResourceConsumptionV1</c>, or <c>CJAssessmentFailedV1</c> (with
/// <c>ResourceConsumptionV1</c> when the provider had accepted requests). Their event ids derive from the batch id and the kind,
/// so a batch has at most one of each.
/// </summary>
internal sealed class OutcomeWriter(OutboxRelay relay, AssessmentMetrics metrics)
{
    private const string StatusCompleted = "COMPLETED_SUCCESSFULLY";
    private const string StatusCompletedWithFailures = "COMPLETED_WITH_FAILURES";

    /// <summary>Wakes the outbox relay after a commit.</summary>
    public void Signal() => relay.Signal();

    public void WriteCompleted(SqliteConnection connection, SqliteTransaction transaction, BatchRow row, BatchState state, Finalise finalise, DateTimeOffset now)
    {
        var identity = BatchIdentity.Of(BatchStore.Get(connection, transaction, row.BatchId)!);
        var essays = BatchStore.Essays(connection, transaction, row.BatchId);
        var result = finalise.Result;
        var counts = result.Diagnostics.Essays.ToDictionary(e => e.EssayId.Value, e => e.Comparisons, StringComparer.Ordinal);
        var students = essays.Where(e => e.IsAnchor == 0).Select(e => e.EssayId).ToArray();
        var failed = essays.Count > 1 ? students.Where(id => counts.GetValueOrDefault(id) == 0).ToArray() : [];
        var successful = students.Except(failed, StringComparer.Ordinal).ToArray();
        var createdAt = DbTime.Parse(row.CreatedAt);
        var data = new CjAssessmentCompletedV1(
            Topics.EventNameOf(Topics.AssessmentCompleted),
            row.BatchId,
            "batch",
            identity.Request?.AssignmentId,
            DbTime.Wire(now),
            Metadata(identity, Topics.AssessmentCompleted, "COMPLETED", now, null),
            failed.Length == 0 ? StatusCompleted : StatusCompletedWithFailures,
            row.BatchId,
            new ProcessingSummary(students.Length, successful.Length, failed.Length, successful, failed, Math.Max(0, (now - createdAt).TotalSeconds), students.Length == 1),
            finalise.Reason,
            StopReasons.LegacyStatus(finalise.Reason),
            new ComparisonCounts(result.ComparisonsRequested, result.ComparisonsSucceeded, result.ComparisonsFailed));
        Enqueue(connection, transaction, identity, Topics.AssessmentCompleted, "CJAssessmentCompletedV1", EventIds.Completed, data, now);

        var (cost, provider, model) = ComparisonStore.Usage(connection, transaction, row.BatchId);
        var inputs = new ResultInputs(identity, essays, state.Settings.GradeScale, cost, provider, model, createdAt, now);
        Enqueue(connection, transaction, identity, Topics.AssessmentResultPublished, "AssessmentResultV1", EventIds.Result, AssessmentResultBuilder.Build(result, inputs), now);
        WriteConsumption(connection, transaction, identity, cost, now, always: true);
        metrics.BatchEnded("completed", finalise.Reason);
    }

    public void WriteFailed(SqliteConnection connection, SqliteTransaction transaction, BatchRow row, string reason, string details, BatchState state, DateTimeOffset now, BatchResult? partial = null)
    {
        var counts = partial is null
            ? new ComparisonCounts(state.Comparisons.Count, state.Successes, state.PermanentlyFailed)
            : new ComparisonCounts(partial.ComparisonsRequested, partial.ComparisonsSucceeded, partial.ComparisonsFailed);
        WriteFailed(connection, transaction, BatchIdentity.Of(BatchStore.Get(connection, transaction, row.BatchId)!), reason, details, counts, now);
    }

    public void WriteFailed(SqliteConnection connection, SqliteTransaction transaction, BatchIdentity identity, string reason, string details, ComparisonCounts counts, DateTimeOffset now)
    {
        var batchId = identity.BatchId.ToString("D");
        var data = new CjAssessmentFailedV1(
            Topics.EventNameOf(Topics.AssessmentFailed),
            batchId,
            "batch",
            identity.Request?.AssignmentId,
            DbTime.Wire(now),
            Metadata(identity, Topics.AssessmentFailed, "FAILED", now, new ErrorInfo(reason, details)),
            "FAILED_CRITICALLY",
            identity.JobId,
            reason,
            "ERROR_PROCESSING",
            counts);
        Enqueue(connection, transaction, identity, Topics.AssessmentFailed, "CJAssessmentFailedV1", EventIds.Failed, data, now);
        WriteConsumption(connection, transaction, identity, ComparisonStore.Usage(connection, transaction, batchId).Cost, now, always: false);
        metrics.BatchEnded("failed", reason);
    }

    /// <summary>
    /// <c>ResourceConsumptionV1</c>: the requests the provider accepted and their cost. A failed batch reports what it
    /// spent too, unless nothing was accepted (a request refused before any call); a request still in flight when the
    /// batch ends is not known to be accepted yet and is not counted.
    /// </summary>
    private static void WriteConsumption(SqliteConnection connection, SqliteTransaction transaction, BatchIdentity identity, decimal cost, DateTimeOffset now, bool always)
    {
        var batchId = identity.BatchId.ToString("D");
        var accepted = ComparisonStore.AcceptedCount(connection, transaction, batchId);
        if (accepted == 0 && !always)
        {
            return;
        }

        var consumption = new ResourceConsumptionV1(
            batchId, "batch", identity.Request?.UserId, identity.Request?.OrgId, "cj_comparison", accepted, cost, "cj_assessment_service", DbTime.Wire(now));
        Enqueue(connection, transaction, identity, Topics.ResourceConsumption, "ResourceConsumptionV1", EventIds.Consumption, consumption, now);
    }

    private static SystemMetadata Metadata(BatchIdentity identity, string topic, string stage, DateTimeOffset now, ErrorInfo? error)
    {
        var batchId = identity.BatchId.ToString("D");
        return new SystemMetadata(batchId, "batch", identity.Request?.AssignmentId, DbTime.Wire(now), stage, Topics.EventNameOf(topic), identity.StartedAt, DbTime.Wire(now), error);
    }

    private static void Enqueue<T>(SqliteConnection connection, SqliteTransaction transaction, BatchIdentity identity, string topic, string schema, string kind, T data, DateTimeOffset now)
    {
        var eventId = EventIds.Derived(identity.BatchId, kind);
        var envelope = new EventEnvelope<T>(
            eventId, topic, DbTime.Wire(now), SourceServices.CjAssessment, 1, identity.CorrelationId, identity.BatchId, $"schemas/events/{schema}.schema.json", data, null);
        Outbox.Enqueue(connection, transaction, EnvelopeMessages.ToMessage(envelope), eventId.ToString("D"), now);
    }
}
