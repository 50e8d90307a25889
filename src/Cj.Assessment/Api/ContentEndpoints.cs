using System.Text;
using Cj.Assessment.Auth;
using Cj.Assessment.Store;
using Cj.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Cj.Assessment.Api;

/// <summary><c>POST /v1/content</c> and <c>GET /v1/content/{storage_id}</c>: the content-addressed text store.</summary>
internal static class ContentEndpoints
{
    /// <summary>Largest text accepted: 2 MiB of UTF-8.</summary>
    public const int MaxBytes = 2 * 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static void MapContent(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/v1/content", PostAsync).RequireAuthorization(AdminAuthentication.Policy);
        routes.MapGet("/v1/content/{storage_id}", GetAsync).RequireAuthorization(AdminAuthentication.Policy);
    }

    private static async Task<IResult> PostAsync(HttpContext http, ContentStore store)
    {
        var bytes = await ReadLimitedAsync(http.Request.Body, http.RequestAborted).ConfigureAwait(false);
        if (bytes is null)
        {
            return ApiResults.Problem(http, StatusCodes.Status413PayloadTooLarge, "content_too_large", "The text is too large.", $"texts are limited to {MaxBytes} bytes");
        }

        if (bytes.Length == 0)
        {
            return ApiResults.Invalid(http, "empty_content", "body", "the text is empty");
        }

        try
        {
            _ = StrictUtf8.GetCharCount(bytes);
        }
        catch (DecoderFallbackException)
        {
            return ApiResults.Invalid(http, "invalid_utf8", "body", "the text is not valid UTF-8");
        }

        var storageId = await store.PutAsync(bytes, http.RequestAborted).ConfigureAwait(false);
        return ApiResults.Json(new ContentStored(storageId, CorrelationIds.Of(http)), StatusCodes.Status201Created);
    }

    private static async Task<IResult> GetAsync(HttpContext http, [FromRoute(Name = "storage_id")] string storageId, ContentStore store)
    {
        if (!ContentStore.IsStorageId(storageId))
        {
            return ApiResults.Invalid(http, "invalid_storage_id", "storage_id", "the storage id must be 64 lowercase hex characters");
        }

        var bytes = await store.GetAsync(storageId, http.RequestAborted).ConfigureAwait(false);
        return bytes is null
            ? ApiResults.Problem(http, StatusCodes.Status404NotFound, "not_found", "No such content.", $"no text is stored under {storageId}")
            : Results.Bytes(bytes, "text/plain; charset=utf-8");
    }

    /// <summary>The body, or null when it exceeds <see cref="MaxBytes"/>.</summary>
    private static async Task<byte[]?> ReadLimitedAsync(Stream body, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
