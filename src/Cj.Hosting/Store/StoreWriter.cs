using Microsoft.Data.Sqlite;

namespace Cj.Hosting.Store;

/// <summary>
/// Runs <paramref name="write"/> in a transaction of the service's own writer and completes after the commit. A service
/// that serialises its writes hands this to the components that write its file too, so that none of them waits in
/// SQLite's busy handler, which polls in sleeps of 1 ms and more while another connection holds the lock.
/// </summary>
public delegate Task StoreWriter(Action<SqliteConnection, SqliteTransaction> write, CancellationToken cancellationToken);
