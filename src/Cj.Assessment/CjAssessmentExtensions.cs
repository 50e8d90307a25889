using System.Net.Http.Headers;
using Cj.Assessment.Api;
using Cj.Assessment.Auth;
using Cj.Assessment.Handlers;
using Cj.Assessment.Store;
using Cj.Hosting;
using Cj.Hosting.Bus;
using Cj.Hosting.Metrics;
using Cj.Hosting.Outbox;
using Cj.Hosting.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cj.Assessment;

/// <summary>The service's composition: its singletons, hosted services, auth and routes.</summary>
internal static class CjAssessmentExtensions
{
    public static IServiceCollection AddCjAssessment(
        this IServiceCollection services, CjAssessmentOptions options, IEventBus bus, TimeProvider time, HttpMessageHandler? llmHandler)
    {
        var database = new SqliteDatabase(options.DatabasePath, time);
        services.AddSingleton(options).AddSingleton(bus).AddSingleton(time).AddSingleton(database);
        services.AddSingleton<MetricsRegistry>().AddSingleton<AssessmentMetrics>();
        services.AddSingleton<ContentStore>().AddSingleton<InstructionStore>().AddSingleton<AnchorStore>();
        services.AddSingleton(sp => new OutboxRelay(database, bus, time, sp.GetRequiredService<ILogger<OutboxRelay>>(), sp.GetRequiredService<BatchCache>().WriteAsync));
        services.AddSingleton<BatchCache>().AddSingleton<DispatchQueue>().AddSingleton<OutcomeWriter>().AddSingleton<BatchSteps>();
        services.AddSingleton<ComparisonRequests>().AddSingleton<DispatcherContext>();
        services.AddSingleton(_ => new ProviderClient(CreateHttpClient(options, llmHandler), options.ProviderHttpConcurrency));
        services.AddSingleton<AssessmentRequestHandler>().AddSingleton<ComparisonResultHandler>();
        services.AddSingleton<ConsumerService>().AddSingleton<DeadlineSweeper>();

        // Start order: rebuild running batches, then send, then consume, then the timers and the relay.
        services.AddHostedService<BatchRecovery>();
        services.AddHostedService<ComparisonDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<ConsumerService>());
        services.AddHostedService(sp => sp.GetRequiredService<DeadlineSweeper>());
        services.AddHostedService<OutboxRelayService>();
        services.AddAdminAuthentication(options, time);
        return services;
    }

    public static WebApplication MapCjAssessment(this WebApplication app)
    {
        var database = app.Services.GetRequiredService<SqliteDatabase>();
        app.UseCorrelationIds();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapContent();
        app.MapInstructions();
        app.MapAnchors();
        app.MapBatches();
        app.MapHealthAndMetrics(app.Services.GetRequiredService<MetricsRegistry>(), () => IsReachable(database));
        return app;
    }

    private static HttpClient CreateHttpClient(CjAssessmentOptions options, HttpMessageHandler? handler)
    {
        var http = new HttpClient(handler ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }, disposeHandler: handler is null)
        {
            BaseAddress = new Uri(options.LlmProviderUrl.TrimEnd('/') + "/"),
            Timeout = TimeSpan.FromSeconds(30),
        };
        if (options.LlmProviderToken is { Length: > 0 } token)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return http;
    }

    private static bool IsReachable(SqliteDatabase database)
    {
        try
        {
            using var connection = database.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM schema_migrations";
            return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == AssessmentSchema.Migrations.Count;
        }
        catch (Microsoft.Data.Sqlite.SqliteException)
        {
            return false;
        }
    }
}
