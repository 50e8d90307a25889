using Cj.Hosting.Store;
using Cj.Hosting.Tests.Bus;
using Cj.Hosting.Tests.Support;
using OutboxTable = Cj.Hosting.Outbox.Outbox;

namespace Cj.Hosting.Tests.Outbox;

/// <summary>A migrated SQLite store with an outbox in a temp folder, and a way to enqueue text messages.</summary>
internal sealed class OutboxStore : IDisposable
{
    public const string Topic = "huleedu.cj_assessment.completed.v1";
    public static readonly DateTimeOffset Now = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly TempFolder folder = new();

    public OutboxStore()
    {
        Database = new SqliteDatabase(folder.File("cj.db"));
        Database.Migrate([ProcessedEvents.Migration(1), OutboxTable.Migration(2)]);
    }

    public SqliteDatabase Database { get; }

    /// <summary>Enqueues one message per event id (its text is the id), committed in one transaction.</summary>
    public void Enqueue(params string[] eventIds)
    {
        using var connection = Database.Open();
        using var transaction = connection.BeginTransaction();
        foreach (var eventId in eventIds)
        {
            OutboxTable.Enqueue(connection, transaction, Messages.Text(Topic, "batch-1", eventId), eventId, Now);
        }

        transaction.Commit();
    }

    public void Dispose() => folder.Dispose();
}
