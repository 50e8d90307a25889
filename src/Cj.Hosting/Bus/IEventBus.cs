namespace Cj.Hosting.Bus;

/// <summary>
/// One message on a topic: key (the batch id, so a batch's events stay in order), the envelope JSON as value, and
/// the headers <c>event_type</c>, <c>event_id</c>, <c>correlation_id</c>, <c>batch_id</c> (contracts §2).
/// </summary>
public sealed record BusMessage(string Topic, string Key, ReadOnlyMemory<byte> Value, IReadOnlyDictionary<string, string> Headers);

/// <summary>
/// The event bus, the process boundary with two implementations: in-process (embedded mode) and Kafka
/// (distributed). Delivery is at least once; consumers are idempotent. A subscription starts at the earliest
/// message its consumer group has not yet committed; a handler that throws gets the message again.
/// </summary>
public interface IEventBus
{
    /// <summary>Publishes <paramref name="message"/>; completes once the bus accepted it (Kafka: the broker acknowledged).</summary>
    Task PublishAsync(BusMessage message, CancellationToken cancellationToken);

    /// <summary>Starts consuming <paramref name="topic"/> as <paramref name="group"/>; dispose to stop.</summary>
    IAsyncDisposable Subscribe(string topic, string group, Func<BusMessage, CancellationToken, Task> handler);

    /// <summary>
    /// Publishes <paramref name="messages"/> in order; completes once the bus accepted all of them. A bus may accept
    /// them together (one write); by default they are published one by one.
    /// </summary>
    async Task PublishAsync(IReadOnlyList<BusMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        foreach (var message in messages)
        {
            await PublishAsync(message, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// As <see cref="Subscribe"/>, handing <paramref name="handler"/> the messages available, up to
    /// <paramref name="maxBatch"/> and in order, at once: they are committed together when it returns and delivered
    /// again together when it throws. By default a bus hands them over one at a time.
    /// </summary>
    IAsyncDisposable SubscribeBatch(string topic, string group, int maxBatch, Func<IReadOnlyList<BusMessage>, CancellationToken, Task> handler) =>
        Subscribe(topic, group, (message, cancellationToken) => handler([message], cancellationToken));

    /// <summary>
    /// A task that completes once <paramref name="group"/> has committed every message published on
    /// <paramref name="topic"/> before this call (Kafka: its committed offsets reach the high watermarks read now), so
    /// that a consumer of two topics can tell it has read one of them as far as a message on the other implies. Null
    /// when this bus cannot tell.
    /// </summary>
    Task? CaughtUpAsync(string topic, string group, CancellationToken cancellationToken) => null;
}
