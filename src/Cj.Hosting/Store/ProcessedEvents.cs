using Microsoft.Data.Sqlite;

namespace Cj.Hosting.Store;

/// <summary>
/// The consumer side of exactly-once effects (contracts §5): a handler marks the event id in the same transaction
/// as its writes; a redelivered event finds its id marked and is skipped (and committed).
/// </summary>
public static class ProcessedEvents
{
    /// <summary>The migration that creates <c>processed_events(event_id TEXT PRIMARY KEY, processed_at TEXT)</c>.</summary>
    public static Migration Migration(int version) => new(
        version,
        "processed_events",
        """
        CREATE TABLE processed_events (
            event_id TEXT NOT NULL PRIMARY KEY,
            processed_at TEXT NOT NULL
        );
        CREATE INDEX ix_processed_events_processed_at ON processed_events (processed_at);
        """);

    /// <summary>Records <paramref name="eventId"/> as processed at <paramref name="now"/>.</summary>
    /// <returns>True when it was new; false when it had already been processed (skip the event).</returns>
    public static bool TryMark(SqliteConnection connection, SqliteTransaction transaction, string eventId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentException.ThrowIfNullOrEmpty(eventId);
        return connection.Prepared(transaction, "INSERT INTO processed_events (event_id, processed_at) VALUES (@event_id, @processed_at) ON CONFLICT (event_id) DO NOTHING")
            .With("@event_id", eventId)
            .With("@processed_at", StoreTime.Format(now))
            .ExecuteNonQuery() == 1;
    }

    /// <summary>Deletes the ids processed before <paramref name="olderThan"/> (keep at least 7 days); returns how many.</summary>
    public static int Prune(SqliteConnection connection, SqliteTransaction? transaction, DateTimeOffset olderThan)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "DELETE FROM processed_events WHERE processed_at < @before";
        command.Parameters.AddWithValue("@before", StoreTime.Format(olderThan));
        return command.ExecuteNonQuery();
    }
}
