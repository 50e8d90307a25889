using Cj.Hosting.Outbox;
using Microsoft.Extensions.Hosting;

namespace Cj.Assessment.Handlers;

/// <summary>Runs the outbox relay for the life of the service.</summary>
internal sealed class OutboxRelayService(OutboxRelay relay) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => relay.RunAsync(stoppingToken);
}
