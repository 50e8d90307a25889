using Cj.Hosting.Store;
using Dapper;

namespace Cj.LlmProvider.Queue;

/// <summary>The answer of <c>GET /api/v1/status/{queue_id}</c> (contracts §8).</summary>
internal sealed record QueueStatusView(
    string QueueId,
    string CorrelationId,
    string Status,
    string Provider,
    string Model,
    string QueueProcessingMode,
    int Priority,
    int Attempts,
    string QueuedAt,
    string? StartedAt,
    string? CompletedAt,
    string ExpiresAt,
    long? QueuePosition,
    string? BundleId,
    string? BatchJobId,
    string PromptSha256,
    string? ErrorCode,
    bool CallbackPublished);

/// <summary>The queue store: read-only views for the status and results endpoints.</summary>
internal sealed partial class QueueStore
{
    public QueueStatusView? Status(string queueId)
    {
        using var connection = database.Open();
        var row = QueueRow.Read(connection.Prepared(null, $"SELECT {QueueRow.Columns} FROM {QueueRow.From} WHERE r.queue_id = @QueueId")
            .With("@QueueId", queueId)).SingleOrDefault();
        if (row is null)
        {
            return null;
        }

        long? position = row.Status == QueueStatus.Queued
            ? connection.QuerySingle<long>(
                """
                SELECT COUNT(*) FROM llm_requests WHERE status = 'queued' AND (priority > @Priority
                    OR (priority = @Priority AND (queued_at < @QueuedAt OR (queued_at = @QueuedAt AND seq < (SELECT seq FROM llm_requests WHERE queue_id = @QueueId)))))
                """,
                new { row.Priority, row.QueuedAt, row.QueueId }) + 1
            : null;
        var published = row.CallbackEventId is not null && connection.QuerySingle<long>(
            "SELECT COUNT(*) FROM outbox WHERE event_id = @Id AND sent_at IS NOT NULL", new { Id = row.CallbackEventId }) > 0;
        return new QueueStatusView(
            row.QueueId, row.CorrelationId, row.Status, row.Provider, row.Model, row.Mode, (int)row.Priority,
            (int)row.Attempts, row.QueuedAt, row.StartedAt, row.CompletedAt, row.ExpiresAt, position, null, null,
            row.PromptSha256, row.ErrorCode, published);
    }

    /// <summary>The stored result JSON (exactly as published), null while not terminal; <c>Found</c> false when unknown.</summary>
    public (bool Found, string? ResultJson) Result(string queueId)
    {
        using var connection = database.Open();
        var rows = connection.Query<string?>(
            "SELECT s.result FROM llm_requests r LEFT JOIN llm_results s ON s.queue_id = r.queue_id WHERE r.queue_id = @QueueId", new { QueueId = queueId }).ToList();
        return rows.Count == 0 ? (false, null) : (true, rows[0]);
    }

    /// <summary>Non-terminal requests now (the queue depth gauge).</summary>
    public long Depth()
    {
        using var connection = database.Open();
        return connection.QuerySingle<long>("SELECT COUNT(*) FROM llm_requests WHERE status IN ('queued', 'processing')");
    }

    /// <summary>Migrates the store (idempotent); the queue is usable afterwards.</summary>
    public void Migrate() => database.Migrate(QueueSchema.Migrations);

    /// <summary>Formats an instant as stored.</summary>
    public static string Format(DateTimeOffset instant) => StoreTime.Format(instant);
}
