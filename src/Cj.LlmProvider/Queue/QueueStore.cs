using Cj.Hosting.Store;
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
    private readonly AdmittedBodies bodies = new();

    public SqliteDatabase Database => database;

    public TimeProvider Time => time;

    /// <summary>
    /// Admits <paramref name="request"/> in one transaction: idempotency on the correlation id (same hash →
    /// duplicate with the existing queue id, other hash → conflict), then admission control, then the insert of the
    /// request and its leg, queued now.
    /// </summary>
    public async Task<Admission> AdmitAsync(NewRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            return await writes.RunAsync((connection, tx) => Admit(connection, tx, request), ct).ConfigureAwait(false);
        }
        catch
        {
            // Not committed (or not known to be): a kept body would wait for a claim that never comes.
            bodies.Take(request.QueueId);
            throw;
        }
    }

    /// <summary>How many admitted bodies wait in memory for their claim.</summary>
    internal int KeptBodies => bodies.Count;

    /// <summary>Runs <paramref name="write"/> in the writer's next transaction (a <see cref="StoreWriter"/> for the outbox relay).</summary>
    public Task WriteAsync(Action<SqliteConnection, SqliteTransaction> write, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(write);
        return writes.RunAsync((connection, tx) =>
        {
            write(connection, tx);
            return true;
        }, ct);
    }

    /// <summary>Commits the queued writes and stops the writer.</summary>
    public void Dispose() => writes.Dispose();

    private Admission Admit(SqliteConnection connection, SqliteTransaction tx, NewRequest request)
    {
        var now = StoreTime.Format(time.GetUtcNow());
        using (var found = connection.Prepared(tx, "SELECT queue_id, prompt_sha256 FROM llm_requests WHERE correlation_id = @CorrelationId")
            .With("@CorrelationId", request.CorrelationId).ExecuteReader())
        {
            if (found.Read())
            {
                var queueId = found.GetString(0);
                return found.GetString(1) == request.PromptSha256
                    ? new Admission(AdmissionStatus.Duplicate, queueId, 0, 0)
                    : new Admission(AdmissionStatus.Conflict, queueId, 0, 0);
            }
        }

        const string Load =
            """
            SELECT COUNT(*), COALESCE(SUM(prompt_bytes), 0), COALESCE(SUM(CASE WHEN priority >= @Priority THEN 1 ELSE 0 END), 0)
            FROM llm_requests WHERE status IN ('queued', 'processing')
            """;
        long pending, bytes, ahead;
        using (var load = connection.Prepared(tx, Load).With("@Priority", request.Priority).ExecuteReader())
        {
            load.Read();
            (pending, bytes, ahead) = (load.GetInt64(0), load.GetInt64(1), load.GetInt64(2));
        }

        if (!gate.Admit(pending, bytes))
        {
            return new Admission(AdmissionStatus.QueueFull, null, pending, pending);
        }

        // One statement per command: the driver binds every parameter of a command to each of its statements by name.
        const string Insert =
            """
            INSERT INTO llm_requests (queue_id, seq, correlation_id, batch_id, callback_topic, user_id, priority, mode,
                provider, model, prompt_sha256, occurrence, prompt_bytes, status, queued_at, expires_at)
            VALUES (@QueueId, (SELECT COALESCE(MAX(seq), 0) + 1 FROM llm_requests), @CorrelationId, @BatchId,
                @CallbackTopic, @UserId, @Priority, @Mode, @Provider, @Model, @PromptSha256,
                (SELECT COUNT(*) FROM llm_requests WHERE prompt_sha256 = @PromptSha256), @PromptBytes, 'queued', @Now, @ExpiresAt)
            """;
        connection.Prepared(tx, Insert)
            .With("@QueueId", request.QueueId)
            .With("@CorrelationId", request.CorrelationId)
            .With("@BatchId", request.BatchId.ToString("D"))
            .With("@CallbackTopic", request.CallbackTopic)
            .With("@UserId", request.UserId)
            .With("@Priority", request.Priority)
            .With("@Mode", QueueStatus.PerRequest)
            .With("@Provider", request.Provider)
            .With("@Model", request.Model)
            .With("@PromptSha256", request.PromptSha256)
            .With("@PromptBytes", System.Text.Encoding.UTF8.GetByteCount(request.CanonicalRequest))
            .With("@Now", now)
            .With("@ExpiresAt", StoreTime.Format(request.ExpiresAt))
            .ExecuteNonQuery();
        connection.Prepared(tx, "INSERT INTO llm_request_bodies (queue_id, canonical_request, metadata) VALUES (@QueueId, @CanonicalRequest, @MetadataJson)")
            .With("@QueueId", request.QueueId)
            .With("@CanonicalRequest", request.CanonicalRequest)
            .With("@MetadataJson", request.MetadataJson)
            .ExecuteNonQuery();
        connection.Prepared(tx, "INSERT INTO llm_legs (queue_id, leg, status, not_before) VALUES (@QueueId, @Leg, 'queued', @Now)")
            .With("@QueueId", request.QueueId)
            .With("@Leg", QueueStatus.LegAb)
            .With("@Now", now)
            .ExecuteNonQuery();
        bodies.Add(request.QueueId, request.CanonicalRequest, request.MetadataJson);
        return new Admission(AdmissionStatus.Accepted, request.QueueId, ahead, pending + 1);
    }
}
