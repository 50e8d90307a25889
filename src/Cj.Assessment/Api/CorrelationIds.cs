using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Cj.Assessment.Api;

/// <summary>Every response carries <c>X-Correlation-ID</c>: echoed from the request (≤ 128 printable chars) or generated.</summary>
internal static class CorrelationIds
{
    public const string Header = "X-Correlation-ID";

    private const string ItemKey = "cj.correlation_id";

    public static string Of(HttpContext http) => http.Items[ItemKey] as string ?? "";

    public static IApplicationBuilder UseCorrelationIds(this IApplicationBuilder app) =>
        app.Use(async (http, next) =>
        {
            var given = http.Request.Headers[Header].ToString();
            var id = given.Length is > 0 and <= 128 && given.All(c => c is > ' ' and < '\u007f') ? given : Guid.NewGuid().ToString("D");
            http.Items[ItemKey] = id;
            http.Response.OnStarting(() =>
            {
                http.Response.Headers[Header] = id;
                return Task.CompletedTask;
            });
            await next(http).ConfigureAwait(false);
        });
}
