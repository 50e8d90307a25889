using Cj.Contracts;
using Cj.Hosting.Json;
using Microsoft.AspNetCore.Http;

namespace Cj.Assessment.Api;

/// <summary>JSON answers in wire form and RFC 7807 problems with a stable snake_case <c>code</c> and the correlation id.</summary>
internal static class ApiResults
{
    public const string ProblemContentType = "application/problem+json";

    public static IResult Json<T>(T value, int status = StatusCodes.Status200OK) =>
        Results.Json(value, WireJson.Options, statusCode: status);

    public static IResult Problem(HttpContext http, int status, string code, string title, string? detail = null, IReadOnlyDictionary<string, string[]>? errors = null) =>
        Results.Json(Create(http, status, code, title, detail, errors), WireJson.Options, ProblemContentType, status);

    public static IResult Invalid(HttpContext http, string code, string field, string message) =>
        Problem(http, StatusCodes.Status400BadRequest, code, "The request is invalid.", message, new Dictionary<string, string[]> { [field] = [message] });

    public static Problem Create(HttpContext http, int status, string code, string title, string? detail = null, IReadOnlyDictionary<string, string[]>? errors = null) =>
        new($"urn:huleedu:cj_assessment:problem:{code}", title, status, detail, code, errors, CorrelationIds.Of(http));

    /// <summary>Writes a problem directly (for authentication challenges, which run outside endpoint results).</summary>
    public static Task WriteAsync(HttpContext http, int status, string code, string title, string detail)
    {
        http.Response.StatusCode = status;
        return http.Response.WriteAsJsonAsync(Create(http, status, code, title, detail), WireJson.Options, ProblemContentType, http.RequestAborted);
    }
}
