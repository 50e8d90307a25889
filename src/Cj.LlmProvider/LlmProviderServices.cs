using Cj.Hosting.Bus;
using Cj.Hosting.Metrics;
using Cj.Hosting.Outbox;
using Cj.Hosting.Store;
using Cj.LlmProvider.Api;
using Cj.LlmProvider.Providers;
using Cj.LlmProvider.Queue;
using Microsoft.Extensions.Logging;

namespace Cj.LlmProvider;

/// <summary>
/// The service's object graph, built once per host: store, providers (their files read here, so a bad file fails
/// start-up), metrics, outbox relay, dispatcher and the admission handler.
/// </summary>
internal sealed class LlmProviderServices : IDisposable
{
    public LlmProviderServices(LlmProviderOptions options, IEventBus bus, TimeProvider time, ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(loggers);
        Options = options;
        var logger = loggers.CreateLogger("Cj.LlmProvider");
        var database = new SqliteDatabase(options.DatabasePath, time);
        database.Migrate(QueueSchema.Migrations);
        Store = new QueueStore(database, new AdmissionGate(options), time);
        Relay = new OutboxRelay(database, bus, time, loggers.CreateLogger<OutboxRelay>(), Store.WriteAsync);
        Events = new QueueEvents(Metrics, Relay, new CompletionRate(time), logger);
        Providers = new ProviderRegistry(options, time);
        Admission = new ComparisonAdmission(Store, Providers, options, Events, logger);
        Dispatcher = new Dispatcher(Store, new LegProcessor(Store, Providers, options, Events, logger), options, Events, logger);
        Log.Started(logger, options.DefaultProvider, Path.GetFileName(database.Path), options.ApiToken is null ? "none" : "bearer");
        if (ProviderNames.Offline.Contains(options.DefaultProvider))
        {
            Log.SyntheticJudgements(logger, options.DefaultProvider);
        }
    }

    public LlmProviderOptions Options { get; }

    public MetricsRegistry Metrics { get; } = new();

    public OutboxRelay Relay { get; }

    public QueueEvents Events { get; }

    public QueueStore Store { get; }

    public ProviderRegistry Providers { get; }

    public ComparisonAdmission Admission { get; }

    public Dispatcher Dispatcher { get; }

    public void Dispose()
    {
        Store.Dispose();
        Relay.Dispose();
    }

    /// <summary>Ready when the store answers (it was migrated at construction).</summary>
    public bool IsReady()
    {
        try
        {
            Store.Depth();
            return true;
        }
        catch (Microsoft.Data.Sqlite.SqliteException)
        {
            return false;
        }
    }
}
