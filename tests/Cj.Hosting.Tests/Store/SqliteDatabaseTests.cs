using Cj.Hosting.Store;
using Cj.Hosting.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Cj.Hosting.Tests.Store;

public sealed class SqliteDatabaseTests : IDisposable
{
    private static readonly Migration Essays = new(1, "essays", "CREATE TABLE essays (essay_id TEXT NOT NULL PRIMARY KEY, text_storage_id TEXT NOT NULL)");
    private static readonly Migration Anchors = new(2, "anchors", "CREATE TABLE anchors (anchor_id TEXT NOT NULL PRIMARY KEY); CREATE INDEX ix_anchors ON anchors (anchor_id)");
    private static readonly Migration Comparisons = new(3, "comparisons", "CREATE TABLE comparisons (id INTEGER NOT NULL PRIMARY KEY)");

    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void A_new_database_creates_its_folder_and_opens_in_wal_mode_with_foreign_keys_on()
    {
        var database = new SqliteDatabase(folder.File("nested/deeper/cj.db"));
        using var connection = database.Open();

        Assert.True(File.Exists(database.Path));
        Assert.Equal("wal", Sql.Scalar(connection, "PRAGMA journal_mode"));
        Assert.Equal(1L, Sql.Scalar(connection, "PRAGMA foreign_keys"));
        Assert.Equal(1L, Sql.Scalar(connection, "PRAGMA synchronous"));
        Assert.Equal(5000L, Sql.Scalar(connection, "PRAGMA busy_timeout"));
    }

    [Fact]
    public void Migrate_applies_pending_migrations_in_order_and_is_idempotent()
    {
        var database = new SqliteDatabase(folder.File("cj.db"));

        database.Migrate([Essays, Anchors]);
        database.Migrate([Essays, Anchors]);
        database.Migrate([Essays, Anchors, Comparisons]);

        using var connection = database.Open();
        Assert.Equal("1:essays,2:anchors,3:comparisons", Sql.Scalar(connection, "SELECT group_concat(version || ':' || name, ',') FROM (SELECT * FROM schema_migrations ORDER BY version)"));
        Assert.Equal(3L, Sql.Scalar(connection, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('essays', 'anchors', 'comparisons')"));
        Assert.EndsWith("Z", (string)Sql.Scalar(connection, "SELECT applied_at FROM schema_migrations WHERE version = 1")!, StringComparison.Ordinal);
    }

    [Fact]
    public void Migrate_refuses_a_database_whose_applied_versions_are_not_a_prefix_of_the_list()
    {
        var database = new SqliteDatabase(folder.File("cj.db"));
        database.Migrate([Essays, Anchors]);

        var different = Assert.Throws<InvalidOperationException>(() => database.Migrate([Essays, Comparisons]));
        var older = Assert.Throws<InvalidOperationException>(() => database.Migrate([Essays]));

        Assert.Contains("not a prefix", different.Message, StringComparison.Ordinal);
        Assert.Contains("[1, 2]", older.Message, StringComparison.Ordinal);
        using var connection = database.Open();
        Assert.Equal(2L, Sql.Scalar(connection, "SELECT count(*) FROM schema_migrations"));
    }

    [Fact]
    public void A_failing_migration_is_rolled_back_and_the_earlier_ones_stay_applied()
    {
        var database = new SqliteDatabase(folder.File("cj.db"));
        var broken = new Migration(2, "broken", "CREATE TABLE half_done (id INTEGER); THIS IS NOT SQL");

        Assert.ThrowsAny<SqliteException>(() => database.Migrate([Essays, broken]));

        using var connection = database.Open();
        Assert.Equal(1L, Sql.Scalar(connection, "SELECT max(version) FROM schema_migrations"));
        Assert.Equal(0L, Sql.Scalar(connection, "SELECT count(*) FROM sqlite_master WHERE name = 'half_done'"));
        database.Migrate([Essays, Anchors]);
    }

    [Fact]
    public void Migrate_refuses_versions_that_do_not_increase()
    {
        var database = new SqliteDatabase(folder.File("cj.db"));

        Assert.Throws<ArgumentException>(() => database.Migrate([Anchors, Essays]));
    }
}
