using System.Text.Json;
using Cj.Hosting.Bus;
using Cj.Hosting.Json;
using Cj.Hosting.Store;
using Microsoft.Data.Sqlite;

namespace Cj.Hosting.Outbox;

/// <summary>Reads unsent outbox rows in id order and marks them sent.</summary>
internal static class OutboxRows
{
    public static List<(long Id, BusMessage Message)> ReadUnsent(SqliteConnection connection, int limit)
    {
        using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT id, topic, message_key, payload, headers FROM outbox WHERE sent_at IS NULL ORDER BY id LIMIT @limit";
        command.Parameters.AddWithValue("@limit", limit);
        using var reader = command.ExecuteReader();
        var rows = new List<(long, BusMessage)>();
        while (reader.Read())
        {
            var headers = JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(4), WireJson.Options) ?? [];
            var payload = (byte[])reader.GetValue(3);
            rows.Add((reader.GetInt64(0), new BusMessage(reader.GetString(1), reader.GetString(2), payload, headers)));
        }

        return rows;
    }

    /// <summary>Marks the rows <paramref name="ids"/> sent at <paramref name="now"/>, in one transaction.</summary>
    public static void MarkSent(SqliteConnection connection, IReadOnlyList<long> ids, DateTimeOffset now)
    {
        if (ids.Count == 0)
        {
            return;
        }

        using var transaction = connection.BeginTransaction();
        MarkSent(connection, transaction, ids, now);
        transaction.Commit();
    }

    /// <summary>Marks the rows <paramref name="ids"/> sent at <paramref name="now"/> within <paramref name="transaction"/>.</summary>
    public static void MarkSent(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<long> ids, DateTimeOffset now)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "UPDATE outbox SET sent_at = @sent_at WHERE id = @id AND sent_at IS NULL";
        command.Parameters.AddWithValue("@sent_at", StoreTime.Format(now));
        var id = command.Parameters.Add("@id", SqliteType.Integer);
        foreach (var value in ids)
        {
            id.Value = value;
            command.ExecuteNonQuery();
        }
    }
}
