using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Cj.Hosting.Store;

/// <summary>
/// A service's SQLite store file (embedded mode): opens pooled connections in WAL mode with foreign keys on and a
/// 5 s busy timeout, and applies the service's migrations. Safe to share; every caller opens its own connection.
/// The pragmas are set once per underlying SQLite connection: a pooled connection handed out again keeps them
/// (they are per-connection settings, and <c>journal_mode=WAL</c> is stored in the file), so reopening costs no
/// statements on the hot paths.
/// </summary>
public sealed class SqliteDatabase
{
    // busy_timeout first, so that switching to WAL waits for a writer in another process instead of failing.
    // temp_store=MEMORY keeps statement journals (one per savepoint of a group commit) and sorts off the disk.
    // wal_autocheckpoint=10000 (40 MB): a checkpoint's fsync stalls the committing writer for 10-30 ms here, and the
    // default 1,000 pages put such a stall into most waves of a busy batch; the last connection to close checkpoints.
    private const string Pragmas =
        "PRAGMA busy_timeout=5000; PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA temp_store=MEMORY; PRAGMA wal_autocheckpoint=10000;";

    /// <summary>The native connections already configured (pooled ones come back with their pragmas set).</summary>
    private static readonly ConditionalWeakTable<sqlite3, object> Configured = [];

    private readonly string connectionString;
    private readonly TimeProvider time;

    /// <summary>A store at <paramref name="path"/>; creates its folder (the file is created on first open).</summary>
    public SqliteDatabase(string path)
        : this(path, TimeProvider.System)
    {
    }

    /// <summary>As <see cref="SqliteDatabase(string)"/>, stamping <c>schema_migrations.applied_at</c> from <paramref name="time"/>.</summary>
    public SqliteDatabase(string path, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(time);
        Path = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        this.time = time;
        connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
        }.ToString();
    }

    /// <summary>The absolute path of the database file.</summary>
    public string Path { get; }

    /// <summary>An open connection with the store's pragmas applied; the caller disposes it.</summary>
    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            if (connection.Handle is { } handle && Configured.TryGetValue(handle, out _))
            {
                return connection;
            }

            using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            command.ExecuteNonQuery();
            if (connection.Handle is { } configured)
            {
                Configured.AddOrUpdate(configured, Configured);
            }

            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>As <see cref="Open"/>, for async call sites (SQLite itself completes synchronously).</summary>
    public Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Open());
    }

    /// <summary>
    /// Applies the pending <paramref name="migrations"/> (strictly increasing versions) in order, each in its own
    /// transaction, recording them in <c>schema_migrations</c>. Idempotent; concurrent callers each apply a step
    /// at most once.
    /// </summary>
    /// <exception cref="InvalidOperationException">The versions already applied are not a prefix of
    /// <paramref name="migrations"/> (a newer or a different service's database): nothing is changed.</exception>
    public void Migrate(IReadOnlyList<Migration> migrations)
    {
        using var connection = Open();
        SchemaMigrator.Apply(connection, migrations, time, Path);
    }
}
