using Microsoft.Data.Sqlite;

namespace Cj.Hosting.Tests.Support;

/// <summary>One-line queries for assertions against real SQLite files.</summary>
internal static class Sql
{
    public static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
