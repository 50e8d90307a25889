using Cj.Assessment.Auth;
using Cj.Assessment.Store;
using Cj.Contracts;
using Cj.Hosting.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Cj.Assessment.Api;

/// <summary><c>GET /api/v1/batches/{batch_id}</c>: read-only batch status (admin JWT).</summary>
internal static class BatchEndpoints
{
    public static void MapBatches(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/api/v1/batches/{batch_id}", GetAsync).RequireAuthorization(AdminAuthentication.Policy);

    private static async Task<IResult> GetAsync(HttpContext http, [FromRoute(Name = "batch_id")] string batchId, SqliteDatabase database)
    {
        var key = Guid.TryParse(batchId, out var guid) ? guid.ToString("D") : batchId;
        BatchRow? row;
        await using (var connection = await database.OpenAsync(http.RequestAborted).ConfigureAwait(false))
        {
            row = BatchStore.Get(connection, null, key);
        }

        if (row is null)
        {
            return ApiResults.Problem(http, StatusCodes.Status404NotFound, "not_found", "No such batch.", $"no batch '{batchId}'");
        }

        return ApiResults.Json(new BatchStatusView(
            row.BatchId,
            row.State,
            row.Status,
            new BatchComparisonsView((int)row.Budget, (int)row.Requested, (int)row.Succeeded, (int)row.Failed),
            (int)row.CurrentWave,
            row.StopReason,
            DbTime.Wire(DbTime.Parse(row.UpdatedAt))));
    }
}
