using Cj.Contracts;
using Cj.Hosting.Bus;
using Cj.Hosting.Outbox;
using Cj.Hosting.Tests.Bus;
using Cj.Hosting.Tests.Support;
using OutboxTable = Cj.Hosting.Outbox.Outbox;

namespace Cj.Hosting.Tests.Outbox;

public sealed class OutboxTests : IDisposable
{
    private readonly OutboxStore store = new();

    public void Dispose() => store.Dispose();

    [Fact]
    public void Enqueue_ignores_a_second_message_with_the_same_event_id()
    {
        using var connection = store.Database.Open();
        using var transaction = connection.BeginTransaction();

        Assert.True(OutboxTable.Enqueue(connection, transaction, Messages.Text(OutboxStore.Topic, "b1", "first"), "e-1", OutboxStore.Now));
        Assert.False(OutboxTable.Enqueue(connection, transaction, Messages.Text(OutboxStore.Topic, "b1", "rerun"), "e-1", OutboxStore.Now));
        transaction.Commit();

        Assert.Equal(1L, Sql.Scalar(connection, "SELECT count(*) FROM outbox"));
    }

    [Fact]
    public async Task An_enqueued_envelope_is_published_under_its_event_id_and_reads_back()
    {
        var envelope = new EventEnvelope<ComparisonCounts>(
            Guid.Parse("0195a3c4-2222-7000-8000-000000000002"), Topics.AssessmentCompleted, "2026-03-01T09:00:00.000Z",
            SourceServices.CjAssessment, 1, "c-1", Guid.Parse("0195a3c4-1111-7000-8000-000000000001"), null, new ComparisonCounts(10, 9, 1), null);
        using (var connection = store.Database.Open())
        using (var transaction = connection.BeginTransaction())
        {
            Assert.True(OutboxTable.Enqueue(connection, transaction, envelope, OutboxStore.Now));
            Assert.False(OutboxTable.Enqueue(connection, transaction, envelope with { Data = new ComparisonCounts(0, 0, 0) }, OutboxStore.Now));
            transaction.Commit();
        }

        await using var bus = new InProcessEventBus();
        using var relay = new OutboxRelay(store.Database, bus, TimeProvider.System);
        await relay.FlushAsync(CancellationToken.None);

        var published = Assert.Single(bus.Snapshot(Topics.AssessmentCompleted));
        Assert.Equal(envelope.EventId.ToString(), published.Headers["event_id"]);
        Assert.Equal(new ComparisonCounts(10, 9, 1), EnvelopeMessages.Read<ComparisonCounts>(published).Data);
    }

    [Fact]
    public void A_rolled_back_state_change_takes_its_outbox_row_with_it()
    {
        using var connection = store.Database.Open();
        using (var transaction = connection.BeginTransaction())
        {
            OutboxTable.Enqueue(connection, transaction, Messages.Text(OutboxStore.Topic, "b1", "first"), "e-1", OutboxStore.Now);
            transaction.Rollback();
        }

        Assert.Equal(0L, Sql.Scalar(connection, "SELECT count(*) FROM outbox"));
    }

    [Fact]
    public async Task Flush_publishes_unsent_rows_in_id_order_with_their_headers_and_marks_them_sent()
    {
        await using var bus = new InProcessEventBus();
        using var relay = new OutboxRelay(store.Database, bus, TimeProvider.System);
        store.Enqueue("e-1", "e-2", "e-3");

        Assert.Equal(3, await relay.FlushAsync(CancellationToken.None));
        Assert.Equal(0, await relay.FlushAsync(CancellationToken.None));

        var published = bus.Snapshot(OutboxStore.Topic);
        Assert.Equal(["e-1", "e-2", "e-3"], published.Select(Messages.TextOf));
        Assert.Equal(["e-1", "e-2", "e-3"], published.Select(message => message.Headers["event_id"]));
        Assert.All(published, message => Assert.Equal("batch-1", message.Key));
        using var connection = store.Database.Open();
        Assert.Equal(0L, Sql.Scalar(connection, "SELECT count(*) FROM outbox WHERE sent_at IS NULL"));
    }
}
