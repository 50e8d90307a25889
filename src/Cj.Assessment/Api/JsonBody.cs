using System.Text.Json;
using Cj.Hosting.Json;
using Microsoft.AspNetCore.Http;

namespace Cj.Assessment.Api;

/// <summary>Reads a JSON body in wire form; a body that is not JSON of the expected shape gives 400 <c>invalid_body</c>.</summary>
internal static class JsonBody
{
    public static async Task<(T? Value, IResult? Error)> ReadAsync<T>(HttpContext http)
        where T : class
    {
        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(http.Request.Body, WireJson.Options, http.RequestAborted).ConfigureAwait(false);
            return value is null
                ? (null, ApiResults.Invalid(http, "invalid_body", "body", "the body must be a JSON object"))
                : (value, null);
        }
        catch (JsonException ex)
        {
            return (null, ApiResults.Invalid(http, "invalid_body", ex.Path ?? "body", "the body is not valid JSON of the expected shape"));
        }
    }
}
