using Cj.Contracts;
using Cj.Hosting.Json;
using Microsoft.AspNetCore.Http;

namespace Cj.LlmProvider.Api;

/// <summary>A refusal with its stable snake_case code (contracts §8) and per-field messages.</summary>
internal sealed record Refusal(int Status, string Code, string Detail, IReadOnlyDictionary<string, string[]>? Errors = null)
{
    public static Refusal Invalid(string field, string message) =>
        new(StatusCodes.Status400BadRequest, "invalid_body", message, new Dictionary<string, string[]> { [field] = [message] });

    public static Refusal BadRequest(string code, string message) => new(StatusCodes.Status400BadRequest, code, message);
}

/// <summary>RFC 7807 <c>application/problem+json</c> answers (contracts §6).</summary>
internal static class Problems
{
    public const string ContentType = "application/problem+json";

    public static IResult Result(Refusal refusal, string? correlationId)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        return Results.Json(Of(refusal, correlationId), WireJson.Options, ContentType, refusal.Status);
    }

    /// <summary>The problem document of <paramref name="refusal"/>.</summary>
    public static Problem Of(Refusal refusal, string? correlationId)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        return new Problem("/problems/" + refusal.Code, Title(refusal.Code), refusal.Status, refusal.Detail, refusal.Code, refusal.Errors, correlationId);
    }

    private static string Title(string code) => code switch
    {
        "invalid_body" => "The request body is invalid",
        "unauthorized" => "A valid bearer token is required",
        "correlation_id_conflict" => "The correlation id was used for a different request",
        "queue_full" => "The queue is full; retry later",
        "not_found" => "No such request",
        "not_terminal" => "The request has no result yet",
        "callback_topic_not_allowed" => "The callback topic is not allowed",
        "reserved_metadata_key" => "The metadata uses a key reserved to the provider service",
        "prompt_block_order" => "The prompt blocks are out of order",
        "prompt_contains_essay_id" => "A prompt block contains an essay id",
        "unknown_provider" => "Unknown provider",
        "provider_not_configured" => "The provider is not configured",
        "offline_provider_not_allowed" => "Offline providers are not allowed",
        "unsupported_parameter" => "A parameter is not supported",
        _ => "The request failed",
    };
}
