using Microsoft.AspNetCore.Builder;

namespace Cj.LlmProvider.Api;

/// <summary>Every response carries <c>X-Correlation-ID</c>: the request's, or a new one (contracts §6).</summary>
internal static class CorrelationHeader
{
    public const string Name = "X-Correlation-ID";

    public static void UseCorrelationHeader(this WebApplication app) =>
        app.Use((context, next) =>
        {
            var value = context.Request.Headers[Name].ToString();
            context.Response.Headers[Name] = value.Length is > 0 and <= 128 ? value : Guid.NewGuid().ToString("D");
            return next(context);
        });
}
