using Microsoft.Data.Sqlite;

namespace Cj.Hosting.Tests.Support;

/// <summary>A scratch folder under the system temp directory for real SQLite files, deleted on dispose.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "cj-hosting-tests-" + System.IO.Path.GetRandomFileName());

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        // Pooled connections keep the files open; release them before deleting.
        SqliteConnection.ClearAllPools();
        Directory.Delete(Path, recursive: true);
    }
}
