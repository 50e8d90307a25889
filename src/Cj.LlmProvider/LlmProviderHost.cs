using Cj.Hosting;
using Cj.Hosting.Bus;
using Cj.LlmProvider.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Cj.LlmProvider;

/// <summary>
/// Hosts the LLM Provider Service: in-process on Kestrel at 127.0.0.1 (embedded mode) or as its own process. The
/// app answers <c>/api/v1/comparison</c>, <c>/api/v1/status/{id}</c>, <c>/api/v1/results/{id}</c>,
/// <c>/api/v1/providers</c>, <c>/healthz*</c> and <c>/metrics</c>; its queue dispatcher and outbox relay run as
/// hosted services from <c>StartAsync</c> until <c>StopAsync</c>.
/// </summary>
public static class LlmProviderHost
{
    /// <summary>
    /// Builds (not starts) the app: validates <paramref name="options"/>, migrates the SQLite store at
    /// <see cref="LlmProviderOptions.DatabasePath"/> and loads the offline providers' files, so a bad configuration
    /// throws here. Callbacks are published on <paramref name="bus"/>; every wait runs on <paramref name="time"/>.
    /// Read the bound address with <c>app.BoundAddress()</c> after <c>StartAsync</c>.
    /// </summary>
    public static WebApplication Create(LlmProviderOptions options, IEventBus bus, TimeProvider time) =>
        Create(options, bus, time, null);

    /// <summary>As <see cref="Create(LlmProviderOptions, IEventBus, TimeProvider)"/>; <paramref name="configure"/> may add logging (tests).</summary>
    internal static WebApplication Create(LlmProviderOptions options, IEventBus bus, TimeProvider time, Action<WebApplicationBuilder>? configure)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(bus);
        ArgumentNullException.ThrowIfNull(time);
        options.Validate();
        var builder = LocalKestrel.CreateBuilder();
        configure?.Invoke(builder);
        builder.Services.AddSingleton(sp => new LlmProviderServices(options, bus, time, sp.GetRequiredService<ILoggerFactory>()));
        builder.Services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<LlmProviderServices>().Dispatcher);
        builder.Services.AddSingleton<IHostedService>(sp => new RelayService(sp.GetRequiredService<LlmProviderServices>().Relay));
        var app = builder.Build();
        var services = app.Services.GetRequiredService<LlmProviderServices>();
        app.UseCorrelationHeader();
        app.UseBearerToken(options.ApiToken);
        app.MapHealthAndMetrics(services.Metrics, services.IsReady);
        app.MapComparisonApi(services);
        return app;
    }

    /// <summary>Runs the outbox relay for the app's lifetime.</summary>
    private sealed class RelayService(Cj.Hosting.Outbox.OutboxRelay relay) : BackgroundService
    {
        protected override Task ExecuteAsync(CancellationToken stoppingToken) => relay.RunAsync(stoppingToken);
    }
}
