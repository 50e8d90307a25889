using Cj.Hosting.Json;
using Cj.Hosting.Metrics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Cj.Hosting;

/// <summary>The health and metrics endpoints every service maps (contracts §6); they need no auth.</summary>
public static class EndpointExtensions
{
    /// <summary>The Prometheus text exposition content type.</summary>
    public const string PrometheusContentType = "text/plain; version=0.0.4; charset=utf-8";

    /// <summary>
    /// Maps <c>GET /healthz</c> (JSON <c>{status: ok|unhealthy, checks: {ready: bool}}</c>, 200 or 503),
    /// <c>/healthz/live</c> (200 while the process runs), <c>/healthz/ready</c> (200 when <paramref name="ready"/>
    /// returns true, else 503) and <c>/metrics</c> (<paramref name="metrics"/> as Prometheus text).
    /// </summary>
    /// <param name="app">The application to map on.</param>
    /// <param name="metrics">The registry rendered at <c>/metrics</c>.</param>
    /// <param name="ready">True when the store is migrated and reachable and the bus is connected; called per request.</param>
    public static WebApplication MapHealthAndMetrics(this WebApplication app, MetricsRegistry metrics, Func<bool> ready)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(ready);

        app.MapGet("/healthz", () =>
        {
            var isReady = ready();
            var report = new HealthReport(isReady ? "ok" : "unhealthy", new Dictionary<string, bool> { ["ready"] = isReady });
            return Results.Json(report, WireJson.Options, statusCode: isReady ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        });
        app.MapGet("/healthz/live", () => Results.Text("live", "text/plain; charset=utf-8"));
        app.MapGet("/healthz/ready", () => ready()
            ? Results.Text("ready", "text/plain; charset=utf-8")
            : Results.Text("not ready", "text/plain; charset=utf-8", statusCode: StatusCodes.Status503ServiceUnavailable));
        app.MapGet("/metrics", () => Results.Text(metrics.RenderPrometheus(), PrometheusContentType));
        return app;
    }

    private sealed record HealthReport(string Status, IReadOnlyDictionary<string, bool> Checks);
}
