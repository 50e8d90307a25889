using Cj.Contracts;
using Cj.Hosting.Bus;
using Microsoft.Extensions.Hosting;

namespace Cj.Assessment.Handlers;

/// <summary>Subscribes the service's handlers to their topics as <c>cj_assessment_consumer_group</c>.</summary>
internal sealed class ConsumerService(IEventBus bus, AssessmentRequestHandler requests, ComparisonResultHandler results) : IHostedService, IAsyncDisposable
{
    public const string Group = "cj_assessment_consumer_group";

    private readonly List<IAsyncDisposable> subscriptions = [];

    public Task StartAsync(CancellationToken cancellationToken)
    {
        subscriptions.Add(bus.Subscribe(Topics.AssessmentRequested, Group, requests.HandleAsync));
        subscriptions.Add(bus.SubscribeBatch(Topics.ComparisonResult, Group, ComparisonResultHandler.MaxBatch, results.HandleAsync));
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await DisposeAsync().ConfigureAwait(false);

    public async ValueTask DisposeAsync()
    {
        foreach (var subscription in subscriptions)
        {
            await subscription.DisposeAsync().ConfigureAwait(false);
        }

        subscriptions.Clear();
    }
}
