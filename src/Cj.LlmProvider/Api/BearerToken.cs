using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Cj.LlmProvider.Api;

/// <summary>
/// When an API token is configured, every <c>/api/v1</c> route requires <c>Authorization: Bearer &lt;token&gt;</c>
/// (compared in constant time); otherwise 401 with <c>WWW-Authenticate: Bearer</c>. Health and metrics are open.
/// The token is never logged or echoed.
/// </summary>
internal static class BearerToken
{
    public static void UseBearerToken(this WebApplication app, string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return;
        }

        var expected = Encoding.UTF8.GetBytes(token);
        app.Use(async (context, next) =>
        {
            if (!context.Request.Path.StartsWithSegments("/api/v1", StringComparison.Ordinal) || Matches(context.Request, expected))
            {
                await next(context).ConfigureAwait(false);
                return;
            }

            context.Response.Headers.WWWAuthenticate = "Bearer";
            var refusal = new Refusal(StatusCodes.Status401Unauthorized, "unauthorized", "missing or wrong bearer token");
            await Problems.Result(refusal, context.Response.Headers[CorrelationHeader.Name]).ExecuteAsync(context).ConfigureAwait(false);
        });
    }

    private static bool Matches(HttpRequest request, byte[] expected)
    {
        var header = request.Headers.Authorization.ToString();
        const string Scheme = "Bearer ";
        if (!header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var given = Encoding.UTF8.GetBytes(header[Scheme.Length..].Trim());
        return CryptographicOperations.FixedTimeEquals(given, expected);
    }
}
