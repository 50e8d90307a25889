using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace Cj.Hosting.Store;

/// <summary>
/// Prepared commands kept per connection for the hot statements of long-lived connections (a service's writer): the
/// SQL is parsed once per connection instead of on every call. A connection is used by one caller at a time, and so
/// is its cache. The commands live as long as their connection; closing it finalizes their statements.
/// </summary>
public static class PreparedCommands
{
    private static readonly ConditionalWeakTable<SqliteConnection, Dictionary<string, SqliteCommand>> Cache = [];

    /// <summary>
    /// The connection's command for <paramref name="sql"/> (one statement), enlisted in <paramref name="transaction"/>,
    /// without parameters. Do not dispose it.
    /// </summary>
    public static SqliteCommand Prepared(this SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var commands = Cache.GetOrCreateValue(connection);
        if (!commands.TryGetValue(sql, out var command))
        {
#pragma warning disable CA2100 // the SQL is a constant of the calling store, never user input
            command = connection.CreateCommand();
            command.CommandText = sql;
#pragma warning restore CA2100
            command.Transaction = transaction;
            command.Prepare();
            commands.Add(sql, command);
        }

        command.Transaction = transaction;
        command.Parameters.Clear();
        return command;
    }

    /// <summary>Adds a parameter; null becomes SQL NULL.</summary>
    public static SqliteCommand With(this SqliteCommand command, string name, object? value)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }
}
