using System.Text.Json;
using Cj.Contracts;
using Cj.Hosting.Bus;
using Cj.Hosting.Json;
using Cj.Hosting.Store;
using Cj.LlmProvider.Resilience;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Cj.LlmProvider.Queue;

/// <summary>A request that became terminal: its row (with the leg's totals) and the result published for it.</summary>
internal sealed record Finished(QueueRow Row, LlmComparisonResultV1 Result, string Status);

/// <summary>The queue store: terminal transitions (the callback goes to the outbox in the same transaction) and expiry.</summary>
internal sealed partial class QueueStore
{
    /// <summary>
    /// Expires every queued leg whose request is past <c>expires_at</c> (legs waiting for a retry included): each
    /// gets the error callback <c>QUEUE_EXPIRED</c>, so nothing expires silently. One transaction.
    /// </summary>
    public Task<IReadOnlyList<Finished>> ExpireDueAsync(CancellationToken ct) => writes.RunAsync<IReadOnlyList<Finished>>(ExpireDue, ct);

    private List<Finished> ExpireDue(SqliteConnection connection, SqliteTransaction tx)
    {
        var now = time.GetUtcNow();
        var due = connection.Query<(string QueueId, string Leg, string ExpiresAt)>(
            """
            SELECT l.queue_id, l.leg, r.expires_at FROM llm_legs l JOIN llm_requests r ON r.queue_id = l.queue_id
            WHERE l.status = 'queued' AND r.expires_at <= @Now
            """,
            new { Now = StoreTime.Format(now) },
            tx).ToList();
        var finished = new List<Finished>(due.Count);
        foreach (var (queueId, leg, expiresAt) in due)
        {
            connection.Execute(
                "UPDATE llm_legs SET status = 'expired', last_error_code = @Code WHERE queue_id = @QueueId AND leg = @Leg",
                new { Code = ErrorCodes.QueueExpired, QueueId = queueId, Leg = leg },
                tx);
            bodies.Take(queueId);
            var outcome = TerminalOutcome.Error(ErrorCodes.QueueExpired, $"the request waited past its TTL (expired at {expiresAt})");
            finished.Add(Finish(connection, tx, queueId, outcome, QueueStatus.Expired, now));
        }

        return finished;
    }

    /// <summary>
    /// Finishes the request: reads its row back (the leg's usage totals are the store's), builds the result, and writes
    /// it with the callback to the outbox. <paramref name="claimed"/>, the row its processor claimed, lends its body
    /// and parsed canonical request, so the body is not read again.
    /// </summary>
    private static Finished Finish(
        SqliteConnection connection,
        SqliteTransaction tx,
        string queueId,
        TerminalOutcome outcome,
        string status,
        DateTimeOffset now,
        QueueRow? claimed = null,
        PreparedFinish? prepared = null)
    {
        var known = claimed is not null && claimed.QueueId == queueId;
        var row = QueueRow.Read(connection.Prepared(
            tx,
            known
                ? $"SELECT {QueueRow.BodilessColumns} FROM {QueueRow.FromWithoutBody} WHERE r.queue_id = @QueueId"
                : $"SELECT {QueueRow.Columns} FROM {QueueRow.From} WHERE r.queue_id = @QueueId")
            .With("@QueueId", queueId)).Single();
        if (known)
        {
            // Bodies are written once: the claimed row's body (and its parse) is the stored one.
            row.CanonicalRequest = claimed!.CanonicalRequest;
            row.Metadata = claimed.Metadata;
            row.ParsedRequest = claimed.ParsedRequest;
        }

        // The prepared result stands when the stored row is the one it was built from (always, under the lease).
        var ready = prepared is not null && prepared.Expected.SameResultInputs(row) ? prepared : PreparedFinish.Of(row, outcome, now);
        var (result, eventId) = (ready.Result, ready.EventId);
        const string Update =
            """
            UPDATE llm_requests SET status = @Status, completed_at = @Now, error_code = @Code, callback_event_id = @EventId
            WHERE queue_id = @QueueId
            """;
        connection.Prepared(tx, Update)
            .With("@Status", status)
            .With("@Now", StoreTime.Format(now))
            .With("@Code", result.ErrorDetail?.ErrorCode)
            .With("@EventId", eventId.ToString("D"))
            .With("@QueueId", queueId)
            .ExecuteNonQuery();
        connection.Prepared(tx, "INSERT INTO llm_results (queue_id, result) VALUES (@QueueId, @Result)")
            .With("@QueueId", queueId)
            .With("@Result", ready.ResultJson)
            .ExecuteNonQuery();
        Cj.Hosting.Outbox.Outbox.Enqueue(connection, tx, ready.Message, eventId.ToString("D"), now);
        row.Status = status;
        return new Finished(row, result, status);
    }
}

/// <summary>A terminal request's result, its stored JSON and its callback message, built from <see cref="Expected"/>.</summary>
internal sealed record PreparedFinish(QueueRow Expected, LlmComparisonResultV1 Result, string ResultJson, Guid EventId, BusMessage Message)
{
    public static PreparedFinish Of(QueueRow row, TerminalOutcome outcome, DateTimeOffset now)
    {
        var result = ResultFactory.Build(row, outcome, now);
        var eventId = Guid.CreateVersion7(now);
        var message = EnvelopeMessages.ToMessage(ResultFactory.Envelope(row, result, eventId, now));
        return new PreparedFinish(row, result, JsonSerializer.Serialize(result, WireJson.Options), eventId, message);
    }
}
