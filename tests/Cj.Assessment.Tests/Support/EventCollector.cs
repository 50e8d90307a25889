using System.Collections.Concurrent;
using Cj.Contracts;
using Cj.Hosting.Bus;

namespace Cj.Assessment.Tests.Support;

/// <summary>Collects the service's outcome events from the bus, like the runner's collector (its own consumer group).</summary>
internal sealed class EventCollector : IAsyncDisposable
{
    private readonly ConcurrentQueue<BusMessage> messages = new();
    private readonly List<IAsyncDisposable> subscriptions = [];

    public EventCollector(IEventBus bus)
    {
        var group = "test-collector-" + Guid.NewGuid().ToString("N");
        foreach (var topic in new[] { Topics.AssessmentCompleted, Topics.AssessmentFailed, Topics.AssessmentResultPublished, Topics.ResourceConsumption })
        {
            subscriptions.Add(bus.Subscribe(topic, group, (message, _) =>
            {
                messages.Enqueue(message);
                return Task.CompletedTask;
            }));
        }
    }

    public IReadOnlyList<EventEnvelope<CjAssessmentCompletedV1>> Completed(Guid batchId) => Read<CjAssessmentCompletedV1>(Topics.AssessmentCompleted, batchId);

    public IReadOnlyList<EventEnvelope<CjAssessmentFailedV1>> Failed(Guid batchId) => Read<CjAssessmentFailedV1>(Topics.AssessmentFailed, batchId);

    public IReadOnlyList<EventEnvelope<AssessmentResultV1>> Results(Guid batchId) => Read<AssessmentResultV1>(Topics.AssessmentResultPublished, batchId);

    public IReadOnlyList<EventEnvelope<ResourceConsumptionV1>> Consumption(Guid batchId) => Read<ResourceConsumptionV1>(Topics.ResourceConsumption, batchId);

    /// <summary>Waits until the batch has a completion and a result, or a failure.</summary>
    public Task WaitForOutcomeAsync(Guid batchId, TimeSpan? timeout = null) =>
        Wait.UntilAsync(() => (Completed(batchId).Count > 0 && Results(batchId).Count > 0) || Failed(batchId).Count > 0, $"the outcome of batch {batchId}", timeout);

    public async ValueTask DisposeAsync()
    {
        foreach (var subscription in subscriptions)
        {
            await subscription.DisposeAsync();
        }
    }

    private List<EventEnvelope<T>> Read<T>(string topic, Guid batchId) =>
        [.. messages.Where(m => m.Topic == topic).Select(EnvelopeMessages.Read<T>).Where(e => e.BatchId == batchId)];
}
