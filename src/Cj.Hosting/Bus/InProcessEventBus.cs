using System.Collections.Concurrent;
using System.Collections.Frozen;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cj.Hosting.Bus;

/// <summary>
/// The event bus of the embedded mode: per topic an append-only in-memory log; consumer groups with committed
/// offsets (a new group starts at the earliest message, like Kafka <c>auto.offset.reset=earliest</c>); one delivery
/// loop per subscription. Within a group a message goes to exactly one subscriber, in offset order, and never
/// while an earlier message with the same key is in flight, so a batch's events stay in order. A handler exception
/// redelivers the same message after a backoff (10 ms doubling to 1 s) and counts in <see cref="RedeliveryCount"/>.
/// A bus made by <see cref="OpenDurable"/> keeps its messages and committed offsets in a SQLite journal, so that a
/// process killed at any point restarts where every group left off; otherwise nothing survives the process. A
/// handler must not dispose its own subscription (disposal waits for that very handler).
/// </summary>
public sealed class InProcessEventBus : IEventBus, IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, InProcessTopic> topics = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<InProcessSubscription, byte> subscriptions = new();
    private readonly BusJournal? journal;
    private readonly Dictionary<string, List<BusMessage>> stored = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource closing = new();
    private int redeliveries;
    private volatile bool disposed;

    /// <summary>A bus on the system clock without logging.</summary>
    public InProcessEventBus()
        : this(TimeProvider.System, NullLogger<InProcessEventBus>.Instance)
    {
    }

    /// <summary>A bus whose redelivery backoff runs on <paramref name="time"/> and whose handler failures are logged.</summary>
    public InProcessEventBus(TimeProvider time, ILogger<InProcessEventBus> logger)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        Time = time;
        Logger = logger;
    }

    private InProcessEventBus(TimeProvider time, ILogger<InProcessEventBus> logger, BusJournal journal)
        : this(time, logger)
    {
        this.journal = journal;
        stored = journal.Messages();
    }

    /// <summary>
    /// A bus whose messages and committed offsets live in the SQLite file at <paramref name="path"/> (created when
    /// absent). Reopening the same file after a crash redelivers to each consumer group every message it had not
    /// committed; consumers are idempotent, so a message handled just before the crash may arrive once more.
    /// </summary>
    public static InProcessEventBus OpenDurable(string path, TimeProvider time, ILogger<InProcessEventBus> logger)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var journal = BusJournal.Open(path);
        try
        {
            return new InProcessEventBus(time, logger, journal);
        }
        catch
        {
            journal.Dispose();
            throw;
        }
    }

    /// <summary>How many times a handler threw, each causing a redelivery (stopping subscriptions not counted).</summary>
    public int RedeliveryCount => Volatile.Read(ref redeliveries);

    internal TimeProvider Time { get; }

    internal ILogger Logger { get; }

    /// <summary>Appends a copy of <paramref name="message"/> to its topic's log; accepted once this returns.</summary>
    public Task PublishAsync(BusMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return PublishAsync([message], cancellationToken);
    }

    /// <summary>Appends copies of <paramref name="messages"/> to their topics' logs, one journal write per topic; accepted once this returns.</summary>
    public Task PublishAsync(IReadOnlyList<BusMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        ObjectDisposedException.ThrowIf(disposed, this);
        cancellationToken.ThrowIfCancellationRequested();
        foreach (var group in messages.GroupBy(m => m.Topic, StringComparer.Ordinal))
        {
            Topic(group.Key).Append([.. group.Select(message => message with
            {
                Value = message.Value.ToArray(),
                Headers = message.Headers.ToFrozenDictionary(StringComparer.Ordinal),
            })]);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public IAsyncDisposable Subscribe(string topic, string group, Func<BusMessage, CancellationToken, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return SubscribeBatch(topic, group, 1, (messages, cancellationToken) => handler(messages[0], cancellationToken));
    }

    /// <inheritdoc />
    public IAsyncDisposable SubscribeBatch(string topic, string group, int maxBatch, Func<IReadOnlyList<BusMessage>, CancellationToken, Task> handler)
    {
        ArgumentException.ThrowIfNullOrEmpty(topic);
        ArgumentException.ThrowIfNullOrEmpty(group);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatch, 1);
        ArgumentNullException.ThrowIfNull(handler);
        ObjectDisposedException.ThrowIf(disposed, this);
        var subscription = new InProcessSubscription(Topic(topic), topic, group, maxBatch, handler, this);
        subscriptions.TryAdd(subscription, 0);
        return subscription;
    }

    /// <inheritdoc />
    /// <remarks>Disposing the bus cancels the wait.</remarks>
    public Task? CaughtUpAsync(string topic, string group, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(topic);
        ArgumentException.ThrowIfNullOrEmpty(group);
        ObjectDisposedException.ThrowIf(disposed, this);
        return WaitAsync();

        async Task WaitAsync()
        {
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, closing.Token);
            await Topic(topic).CommittedAsync(group, linked.Token).ConfigureAwait(false);
        }
    }

    /// <summary>Every message published on <paramref name="topic"/> so far, in order (for tests and diagnostics).</summary>
    public IReadOnlyList<BusMessage> Snapshot(string topic) => Topic(topic).Snapshot();

    /// <summary>Stops every subscription, waiting for the handlers in flight; publishing afterwards throws.</summary>
    public async ValueTask DisposeAsync()
    {
        disposed = true;
        await closing.CancelAsync().ConfigureAwait(false);
        foreach (var subscription in subscriptions.Keys)
        {
            await subscription.DisposeAsync().ConfigureAwait(false);
        }

        journal?.Dispose();
    }

    internal int CommittedOffset(string topic, string group) => Topic(topic).CommittedOffset(group);

    internal void CountRedelivery() => Interlocked.Increment(ref redeliveries);

    internal void Forget(InProcessSubscription subscription) => subscriptions.TryRemove(subscription, out _);

    private InProcessTopic Topic(string name) =>
        topics.GetOrAdd(name, topic => new InProcessTopic(topic, journal, stored.GetValueOrDefault(topic)));
}
