using System.Net;
using System.Text.Json;
using Cj.Hosting.Metrics;
using Cj.Hosting.Tests.Metrics;
using Microsoft.AspNetCore.Builder;

namespace Cj.Hosting.Tests;

public sealed class HealthEndpointsTests : IAsyncLifetime
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private readonly MetricsRegistry metrics = new();
    private WebApplication app = null!;
    private volatile bool ready;

    public async Task InitializeAsync()
    {
        app = LocalKestrel.CreateBuilder().Build();
        app.MapHealthAndMetrics(metrics, () => ready);
        await app.StartAsync();
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public void The_service_listens_on_127_0_0_1_at_a_port_the_os_chose()
    {
        var address = app.BoundAddress();

        Assert.Equal("127.0.0.1", address.Host);
        Assert.NotEqual(0, address.Port);
    }

    [Fact]
    public async Task Readiness_follows_the_ready_check_while_liveness_stays_ok()
    {
        Assert.Equal(HttpStatusCode.OK, (await Get("/healthz/live")).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await Get("/healthz/ready")).StatusCode);
        var unhealthy = await Get("/healthz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, unhealthy.StatusCode);
        Assert.Equal("""{"status":"unhealthy","checks":{"ready":false}}""", await unhealthy.Content.ReadAsStringAsync());

        ready = true;

        Assert.Equal(HttpStatusCode.OK, (await Get("/healthz/ready")).StatusCode);
        var healthy = await Get("/healthz");
        Assert.Equal("application/json", healthy.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await healthy.Content.ReadAsStringAsync());
        Assert.Equal("ok", body.RootElement.GetProperty("status").GetString());
        Assert.True(body.RootElement.GetProperty("checks").GetProperty("ready").GetBoolean());
    }

    [Fact]
    public async Task Metrics_are_served_as_prometheus_text_that_parses()
    {
        metrics.Increment("cj_llm_batches_started_total", "Batches started.", 1, ("batching_mode", "per_request"));
        metrics.Observe("cj_comparison_duration_seconds", "Comparison duration.", 0.4);

        var response = await Get("/metrics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(response.Content.Headers.ContentType!.Parameters, p => p.Name == "version" && p.Value == "0.0.4");
        var samples = PrometheusParser.Samples(await response.Content.ReadAsStringAsync());
        Assert.Equal(1, samples["cj_llm_batches_started_total{batching_mode=\"per_request\"}"]);
        Assert.Equal(1, samples["cj_comparison_duration_seconds_count"]);
    }

    private Task<HttpResponseMessage> Get(string path) => Http.GetAsync(new Uri(app.BoundAddress(), path));
}
