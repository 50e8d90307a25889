using System.Text.Json;
using Cj.Hosting.Store;
using Microsoft.Data.Sqlite;

namespace Cj.Hosting.Bus;

/// <summary>
/// The durable side of the in-process bus: every accepted message and every consumer group's committed offset in
/// one SQLite file, so that after the process is killed a reopened bus hands each group exactly what it had not
/// committed (at least once, like Kafka). A message is written before <see cref="IEventBus.PublishAsync(BusMessage, CancellationToken)"/> returns;
/// WAL with <c>synchronous=NORMAL</c> survives a killed process (not a power cut, which embedded mode does not promise).
/// Committed offsets are written with the next message (one transaction) or at disposal, like Kafka's periodic
/// auto-commit: after a crash a group may get the last few messages it had handled again, which its idempotency absorbs.
/// </summary>
internal sealed class BusJournal : IDisposable
{
    private const string Schema =
        """
        CREATE TABLE IF NOT EXISTS bus_messages (
            topic TEXT NOT NULL, message_offset INTEGER NOT NULL, message_key TEXT NOT NULL,
            headers TEXT NOT NULL, value BLOB NOT NULL, PRIMARY KEY (topic, message_offset));
        CREATE TABLE IF NOT EXISTS bus_offsets (
            topic TEXT NOT NULL, consumer_group TEXT NOT NULL, committed INTEGER NOT NULL, PRIMARY KEY (topic, consumer_group));
        """;

    private readonly Lock gate = new();
    private readonly SqliteConnection connection;
    private readonly SqliteCommand append;
    private readonly SqliteCommand commit;
    private readonly Dictionary<(string Topic, string Group), int> pending = [];

    private BusJournal(SqliteConnection connection)
    {
        this.connection = connection;
        append = connection.CreateCommand();
        append.CommandText = "INSERT INTO bus_messages (topic, message_offset, message_key, headers, value) VALUES ($t, $o, $k, $h, $v)";
        foreach (var name in new[] { "$t", "$o", "$k", "$h", "$v" })
        {
            append.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        commit = connection.CreateCommand();
        commit.CommandText =
            "INSERT INTO bus_offsets (topic, consumer_group, committed) VALUES ($t, $g, $c) " +
            "ON CONFLICT (topic, consumer_group) DO UPDATE SET committed = excluded.committed WHERE excluded.committed > bus_offsets.committed";
        foreach (var name in new[] { "$t", "$g", "$c" })
        {
            commit.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        append.Prepare();
        commit.Prepare();
    }

    /// <summary>Opens (creating when absent) the journal at <paramref name="path"/>.</summary>
    public static BusJournal Open(string path)
    {
        var connection = new SqliteDatabase(path).Open();
        try
        {
            using var create = connection.CreateCommand();
            create.CommandText = Schema;
            create.ExecuteNonQuery();
            return new BusJournal(connection);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Every stored message, per topic in offset order.</summary>
    public Dictionary<string, List<BusMessage>> Messages()
    {
        var topics = new Dictionary<string, List<BusMessage>>(StringComparer.Ordinal);
        lock (gate)
        {
            using var query = connection.CreateCommand();
            query.CommandText = "SELECT topic, message_key, headers, value FROM bus_messages ORDER BY topic, message_offset";
            using var reader = query.ExecuteReader();
            while (reader.Read())
            {
                var topic = reader.GetString(0);
                if (!topics.TryGetValue(topic, out var log))
                {
                    log = [];
                    topics.Add(topic, log);
                }

                var headers = JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(2)) ?? [];
                log.Add(new BusMessage(topic, reader.GetString(1), (byte[])reader.GetValue(3), headers));
            }
        }

        return topics;
    }

    /// <summary>The committed offset of every consumer group of <paramref name="topic"/>.</summary>
    public Dictionary<string, int> Offsets(string topic)
    {
        var offsets = new Dictionary<string, int>(StringComparer.Ordinal);
        lock (gate)
        {
            using var query = connection.CreateCommand();
            query.CommandText = "SELECT consumer_group, committed FROM bus_offsets WHERE topic = $t";
            query.Parameters.AddWithValue("$t", topic);
            using var reader = query.ExecuteReader();
            while (reader.Read())
            {
                offsets[reader.GetString(0)] = reader.GetInt32(1);
            }
        }

        return offsets;
    }

    /// <summary>
    /// Stores <paramref name="messages"/> (one topic) from <paramref name="offset"/> on, with the offsets committed
    /// since the last write, in one transaction.
    /// </summary>
    public void Append(int offset, IReadOnlyList<BusMessage> messages)
    {
        lock (gate)
        {
            using var transaction = connection.BeginTransaction();
            append.Transaction = transaction;
            foreach (var message in messages)
            {
                append.Parameters[0].Value = message.Topic;
                append.Parameters[1].Value = offset++;
                append.Parameters[2].Value = message.Key;
                append.Parameters[3].Value = JsonSerializer.Serialize(message.Headers);
                append.Parameters[4].Value = message.Value.ToArray();
                append.ExecuteNonQuery();
            }

            WritePendingLocked(transaction);
            transaction.Commit();
        }
    }

    /// <summary>Records that <paramref name="group"/> committed <paramref name="topic"/> up to <paramref name="committed"/>; written with the next message.</summary>
    public void Commit(string topic, string group, int committed)
    {
        lock (gate)
        {
            pending[(topic, group)] = committed;
        }
    }

    private void WritePendingLocked(SqliteTransaction transaction)
    {
        commit.Transaction = transaction;
        foreach (var ((topic, group), committed) in pending)
        {
            commit.Parameters[0].Value = topic;
            commit.Parameters[1].Value = group;
            commit.Parameters[2].Value = committed;
            commit.ExecuteNonQuery();
        }

        pending.Clear();
    }

    public void Dispose()
    {
        lock (gate)
        {
            if (pending.Count > 0)
            {
                using var transaction = connection.BeginTransaction();
                WritePendingLocked(transaction);
                transaction.Commit();
            }

            append.Dispose();
            commit.Dispose();
            connection.Dispose();
        }
    }
}
