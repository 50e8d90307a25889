using Cj.Hosting.Store;
using Cj.LlmProvider.Queue;
using Cj.LlmProvider.Tests.Support;
using Dapper;

namespace Cj.LlmProvider.Tests.Queue;

public sealed class WriteQueueTests : IDisposable
{
    private readonly TempFiles files = new();

    public void Dispose() => files.Dispose();

    [Fact]
    public async Task A_failing_write_is_rolled_back_alone_and_the_rest_of_its_batch_commits()
    {
        var database = new SqliteDatabase(Path.Combine(files.Folder, "w.db"));
        database.Migrate([new Migration(1, "t", "CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)")]);
        using (var writes = new WriteQueue(database))
        {
            var tasks = Enumerable.Range(1, 50).Select(i => writes.RunAsync(
                (c, tx) =>
                {
                    c.Execute("INSERT INTO t (id, v) VALUES (@i, 'x')", new { i }, tx);
                    return i % 10 == 0 ? throw new InvalidOperationException($"write {i} fails after writing") : i;
                },
                default)).ToList();

            foreach (var (task, i) in tasks.Select((t, i) => (t, i + 1)))
            {
                if (i % 10 == 0)
                {
                    await Assert.ThrowsAsync<InvalidOperationException>(() => task);
                }
                else
                {
                    Assert.Equal(i, await task);
                }
            }
        }

        using var connection = database.Open();
        var ids = connection.Query<long>("SELECT id FROM t ORDER BY id").ToList();
        Assert.Equal(Enumerable.Range(1, 50).Where(i => i % 10 != 0).Select(i => (long)i), ids);
    }

    [Fact]
    public async Task Writes_after_dispose_are_refused()
    {
        var database = new SqliteDatabase(Path.Combine(files.Folder, "d.db"));
        var writes = new WriteQueue(database);
        writes.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => writes.RunAsync((_, _) => 1, default));
    }
}
