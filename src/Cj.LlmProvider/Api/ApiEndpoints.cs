using Cj.Hosting.Json;
using Cj.LlmProvider.Providers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Cj.LlmProvider.Api;

/// <summary>One entry of <c>GET /api/v1/providers</c>.</summary>
internal sealed record ProviderView(string Name, string Kind, bool Configured, bool Default, bool Synthetic, string? KeySource, string? BaseUrlHost, string? CircuitState, bool BatchApi);

/// <summary>The <c>/api/v1</c> routes (contracts §8).</summary>
internal static class ApiEndpoints
{
    public static void MapComparisonApi(this WebApplication app, LlmProviderServices services)
    {
        Func<HttpContext, Task<IResult>> admit = services.Admission.HandleAsync;
        app.MapPost("/api/v1/comparison", (Delegate)admit);
        Func<HttpContext, Task<IResult>> admitBatch = services.Admission.HandleBatchAsync;
        app.MapPost("/api/v1/comparisons", (Delegate)admitBatch);

        app.MapGet("/api/v1/status/{queue_id}", (string queue_id, HttpContext context) =>
            services.Store.Status(queue_id) is { } view
                ? Results.Json(view, WireJson.Options)
                : NotFound(context));

        app.MapGet("/api/v1/results/{queue_id}", (string queue_id, HttpContext context) =>
            services.Store.Result(queue_id) switch
            {
                (false, _) => NotFound(context),
                (true, null) => Problems.Result(new Refusal(StatusCodes.Status409Conflict, "not_terminal", "the request has no result yet"), Correlation(context)),
                (true, var json) => Results.Text(json, "application/json; charset=utf-8"),
            });

        app.MapGet("/api/v1/providers", () => Results.Json(Providers(services), WireJson.Options));
    }

    private static List<ProviderView> Providers(LlmProviderServices services)
    {
        var views = ProviderNames.Offline
            .Order(StringComparer.Ordinal)
            .Select(name => new ProviderView(
                name, "offline", services.Providers.Find(name) is not null, name == services.Options.DefaultProvider, true, null, null, null, false))
            .ToList();
        views.AddRange(ProviderNames.Remote.Order(StringComparer.Ordinal)
            .Select(name => new ProviderView(name, "remote", false, false, false, null, null, null, false)));
        return views;
    }

    private static IResult NotFound(HttpContext context) =>
        Problems.Result(new Refusal(StatusCodes.Status404NotFound, "not_found", "no request with this queue_id"), Correlation(context));

    private static string Correlation(HttpContext context) => context.Response.Headers[CorrelationHeader.Name].ToString();
}
