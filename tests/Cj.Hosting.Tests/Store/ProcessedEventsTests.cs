using Cj.Hosting.Store;
using Cj.Hosting.Tests.Support;

namespace Cj.Hosting.Tests.Store;

public sealed class ProcessedEventsTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly TempFolder folder = new();
    private readonly SqliteDatabase database;

    public ProcessedEventsTests()
    {
        database = new SqliteDatabase(folder.File("cj.db"));
        database.Migrate([ProcessedEvents.Migration(1)]);
    }

    public void Dispose() => folder.Dispose();

    [Fact]
    public void An_event_is_marked_once_and_a_redelivery_finds_it_processed()
    {
        using var connection = database.Open();
        using (var transaction = connection.BeginTransaction())
        {
            Assert.True(ProcessedEvents.TryMark(connection, transaction, "e-1", Now));
            transaction.Commit();
        }

        using var again = connection.BeginTransaction();
        Assert.False(ProcessedEvents.TryMark(connection, again, "e-1", Now.AddMinutes(1)));
        Assert.True(ProcessedEvents.TryMark(connection, again, "e-2", Now.AddMinutes(1)));
    }

    [Fact]
    public void A_mark_in_a_rolled_back_transaction_leaves_the_event_unprocessed()
    {
        using var connection = database.Open();
        using (var transaction = connection.BeginTransaction())
        {
            Assert.True(ProcessedEvents.TryMark(connection, transaction, "e-1", Now));
            transaction.Rollback();
        }

        using var retry = connection.BeginTransaction();
        Assert.True(ProcessedEvents.TryMark(connection, retry, "e-1", Now));
    }

    [Fact]
    public void Prune_deletes_only_ids_processed_before_the_cutoff()
    {
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        ProcessedEvents.TryMark(connection, transaction, "old", Now.AddDays(-8));
        ProcessedEvents.TryMark(connection, transaction, "recent", Now.AddDays(-1));

        Assert.Equal(1, ProcessedEvents.Prune(connection, transaction, Now.AddDays(-7)));
        Assert.True(ProcessedEvents.TryMark(connection, transaction, "old", Now));
        Assert.False(ProcessedEvents.TryMark(connection, transaction, "recent", Now));
    }
}
