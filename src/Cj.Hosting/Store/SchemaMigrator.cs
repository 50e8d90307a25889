using Microsoft.Data.Sqlite;

namespace Cj.Hosting.Store;

/// <summary>Forward-only migrations recorded in <c>schema_migrations</c>, in portable SQL.</summary>
internal static class SchemaMigrator
{
    private const string CreateTable =
        "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)";

    public static void Apply(SqliteConnection connection, IReadOnlyList<Migration> migrations, TimeProvider time, string path)
    {
        CheckList(migrations);
        Execute(connection, null, CreateTable);
        var applied = Applied(connection, null);
        CheckPrefix(applied, migrations, path);
        for (var index = applied.Count; index < migrations.Count; index++)
        {
            // Microsoft.Data.Sqlite begins IMMEDIATE: a concurrent migrator waits here, then sees our step applied.
            using var transaction = connection.BeginTransaction();
            var appliedNow = Applied(connection, transaction);
            CheckPrefix(appliedNow, migrations, path);
            if (appliedNow.Count == index)
            {
                var migration = migrations[index];
                Execute(connection, transaction, migration.Sql);
                Execute(connection, transaction, "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@version, @name, @applied_at)",
                    ("@version", migration.Version), ("@name", migration.Name), ("@applied_at", StoreTime.Format(time.GetUtcNow())));
            }

            transaction.Commit();
        }
    }

    private static void CheckList(IReadOnlyList<Migration> migrations)
    {
        ArgumentNullException.ThrowIfNull(migrations);
        for (var i = 0; i < migrations.Count; i++)
        {
            var migration = migrations[i] ?? throw new ArgumentException($"migration {i} is null", nameof(migrations));
            if (migration.Version <= 0 || (i > 0 && migration.Version <= migrations[i - 1].Version))
            {
                throw new ArgumentException($"migration versions must be positive and strictly increasing; {migration.Version} at index {i} is not", nameof(migrations));
            }

            if (string.IsNullOrWhiteSpace(migration.Name) || string.IsNullOrWhiteSpace(migration.Sql))
            {
                throw new ArgumentException($"migration {migration.Version} needs a name and SQL", nameof(migrations));
            }
        }
    }

    private static void CheckPrefix(List<int> applied, IReadOnlyList<Migration> migrations, string path)
    {
        var isPrefix = applied.Count <= migrations.Count && applied.Select((version, i) => version == migrations[i].Version).All(same => same);
        if (!isPrefix)
        {
            throw new InvalidOperationException(
                $"The database {path} has migrations [{string.Join(", ", applied)}] applied, which are not a prefix of the " +
                $"known migrations [{string.Join(", ", migrations.Select(m => m.Version))}]; refusing to migrate (a newer schema or another service's database).");
        }
    }

    private static List<int> Applied(SqliteConnection connection, SqliteTransaction? transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT version FROM schema_migrations ORDER BY version";
        using var reader = command.ExecuteReader();
        var versions = new List<int>();
        while (reader.Read())
        {
            versions.Add(reader.GetInt32(0));
        }

        return versions;
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        command.ExecuteNonQuery();
    }
}
