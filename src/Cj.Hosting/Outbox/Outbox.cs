using System.Text.Json;
using Cj.Contracts;
using Cj.Hosting.Bus;
using Cj.Hosting.Json;
using Cj.Hosting.Store;
using Microsoft.Data.Sqlite;

namespace Cj.Hosting.Outbox;

/// <summary>
/// The producer side of at-least-once delivery (contracts §5): a service writes its events into <c>outbox</c> in the
/// same transaction as the state change, and an <see cref="OutboxRelay"/> publishes them afterwards.
/// </summary>
public static class Outbox
{
    /// <summary>The SQLite migration that creates the <c>outbox</c> table.</summary>
    public static Migration Migration(int version) => Migration(version, SqlDialect.Sqlite);

    /// <summary>
    /// The migration that creates <c>outbox(id, event_id UNIQUE, topic, message_key, payload, headers, created_at,
    /// sent_at NULL)</c> and a partial index of the unsent rows, in <paramref name="dialect"/>.
    /// </summary>
    public static Migration Migration(int version, SqlDialect dialect)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        return new Migration(
            version,
            "outbox",
            $"""
            CREATE TABLE outbox (
                id {dialect.IdentityPrimaryKey},
                event_id TEXT NOT NULL UNIQUE,
                topic TEXT NOT NULL,
                message_key TEXT NOT NULL,
                payload {dialect.Binary} NOT NULL,
                headers TEXT NOT NULL,
                created_at TEXT NOT NULL,
                sent_at TEXT NULL
            );
            CREATE INDEX ix_outbox_unsent ON outbox (id) WHERE sent_at IS NULL;
            """);
    }

    /// <summary>
    /// Adds <paramref name="envelope"/> as its bus message (<see cref="EnvelopeMessages.ToMessage{T}"/>) under its own
    /// <c>event_id</c>; see <see cref="Enqueue(SqliteConnection, SqliteTransaction, BusMessage, string, DateTimeOffset)"/>.
    /// </summary>
    public static bool Enqueue<T>(SqliteConnection connection, SqliteTransaction transaction, EventEnvelope<T> envelope, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        return Enqueue(connection, transaction, EnvelopeMessages.ToMessage(envelope), envelope.EventId.ToString("D"), now);
    }

    /// <summary>
    /// Adds <paramref name="message"/> to the outbox inside <paramref name="transaction"/>. A second message with the
    /// same <paramref name="eventId"/> is ignored, so a handler that runs again never publishes twice.
    /// </summary>
    /// <returns>True when the row was added; false when <paramref name="eventId"/> was already there.</returns>
    public static bool Enqueue(SqliteConnection connection, SqliteTransaction transaction, BusMessage message, string eventId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(message);
        ArgumentException.ThrowIfNullOrEmpty(eventId);
        const string Insert =
            """
            INSERT INTO outbox (event_id, topic, message_key, payload, headers, created_at)
            VALUES (@event_id, @topic, @message_key, @payload, @headers, @created_at)
            ON CONFLICT (event_id) DO NOTHING
            """;
        return connection.Prepared(transaction, Insert)
            .With("@event_id", eventId)
            .With("@topic", message.Topic)
            .With("@message_key", message.Key)
            .With("@payload", message.Value.ToArray())
            .With("@headers", JsonSerializer.Serialize(message.Headers, WireJson.Options))
            .With("@created_at", StoreTime.Format(now))
            .ExecuteNonQuery() == 1;
    }
}
