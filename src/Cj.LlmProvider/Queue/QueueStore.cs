using Cj.Hosting.Store;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Cj.LlmProvider.Queue;

/// <summary>A request ready to be queued: the resolved provider and model, the canonical request and its hash.</summary>
internal sealed record NewRequest(
    string QueueId,
    string CorrelationId,
    Guid BatchId,
    string CallbackTopic,
    string? UserId,
    int Priority,
    string Provider,
    string Model,
    string PromptSha256,
    string CanonicalRequest,
    string MetadataJson,
    DateTimeOffset ExpiresAt);

internal enum AdmissionStatus
{
    Accepted,
    Duplicate,
    Conflict,
    QueueFull,
}

/// <summary>The admission decision; <see cref="Ahead"/> counts non-terminal requests before this one, <see cref="Pending"/> all of them.</summary>
internal sealed record Admission(AdmissionStatus Status, string? QueueId, long Ahead, long Pending);

/// <summary>
/// The persisted queue on SQLite (design §2). Every state change is one <c>BEGIN IMMEDIATE</c> transaction;
/// terminal changes write the callback to the outbox in the same transaction. This file: admission.
/// </summary>
internal sealed partial class QueueStore(SqliteDatabase database, AdmissionGate gate, TimeProvider time) : IDisposable
{
    private readonly WriteQueue writes = new(database);

    public SqliteDatabase Database => database;

    public TimeProvider Time => time;

    /// <summary>
    /// Admits <paramref name="request"/> in one transaction: idempotency on the correlation id (same hash →
    /// duplicate with the existing queue id, other hash → conflict), then admission control, then the insert of the
    /// request and its leg, queued now.
    /// </summary>
    public Task<Admission> AdmitAsync(NewRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        return writes.RunAsync((connection, tx) => Admit(connection, tx, request), ct);
    }

    /// <summary>Commits the queued writes and stops the writer.</summary>
    public void Dispose() => writes.Dispose();

    private Admission Admit(SqliteConnection connection, SqliteTransaction tx, NewRequest request)
    {
        var now = StoreTime.Format(time.GetUtcNow());
        var found = connection.Query<(string QueueId, string Hash)>(
            "SELECT queue_id, prompt_sha256 FROM llm_requests WHERE correlation_id = @CorrelationId", request, tx).FirstOrDefault();
        if (found.QueueId is not null)
        {
            return found.Hash == request.PromptSha256
                ? new Admission(AdmissionStatus.Duplicate, found.QueueId, 0, 0)
                : new Admission(AdmissionStatus.Conflict, found.QueueId, 0, 0);
        }

        var (pending, bytes, ahead) = connection.QuerySingle<(long, long, long)>(
            """
            SELECT COUNT(*), COALESCE(SUM(prompt_bytes), 0), COALESCE(SUM(CASE WHEN priority >= @Priority THEN 1 ELSE 0 END), 0)
            FROM llm_requests WHERE status IN ('queued', 'processing')
            """,
            request,
            tx);
        if (!gate.Admit(pending, bytes))
        {
            return new Admission(AdmissionStatus.QueueFull, null, pending, pending);
        }

        connection.Execute(
            """
            INSERT INTO llm_requests (queue_id, seq, correlation_id, batch_id, callback_topic, user_id, priority, mode,
                provider, model, prompt_sha256, occurrence, canonical_request, metadata, prompt_bytes, status, queued_at,
                expires_at)
            VALUES (@QueueId, (SELECT COALESCE(MAX(seq), 0) + 1 FROM llm_requests), @CorrelationId, @BatchId,
                @CallbackTopic, @UserId, @Priority, @Mode, @Provider, @Model, @PromptSha256,
                (SELECT COUNT(*) FROM llm_requests WHERE prompt_sha256 = @PromptSha256), @CanonicalRequest,
                @MetadataJson, @PromptBytes, 'queued', @Now, @ExpiresAt);
            INSERT INTO llm_legs (queue_id, leg, status, not_before) VALUES (@QueueId, @Leg, 'queued', @Now);
            """,
            new
            {
                request.QueueId,
                request.CorrelationId,
                BatchId = request.BatchId.ToString("D"),
                request.CallbackTopic,
                request.UserId,
                request.Priority,
                Mode = QueueStatus.PerRequest,
                request.Provider,
                request.Model,
                request.PromptSha256,
                request.CanonicalRequest,
                request.MetadataJson,
                PromptBytes = System.Text.Encoding.UTF8.GetByteCount(request.CanonicalRequest),
                Now = now,
                ExpiresAt = StoreTime.Format(request.ExpiresAt),
                Leg = QueueStatus.LegAb,
            },
            tx);
        return new Admission(AdmissionStatus.Accepted, request.QueueId, ahead, pending + 1);
    }
}
