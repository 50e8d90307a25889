using System.Text;
using Cj.Assessment.Auth;
using Cj.Assessment.Store;
using Cj.Contracts;
using Cj.Core.Grading;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Cj.Assessment.Api;

/// <summary>Anchor registration (upsert by assignment, label and grade scale) and listing; admin JWT.</summary>
internal static class AnchorEndpoints
{
    public const int MinTextLength = 100;

    public static void MapAnchors(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/v1/anchors/register", RegisterAsync).RequireAuthorization(AdminAuthentication.Policy);
        routes.MapGet("/admin/v1/anchors/assignment/{assignment_id}", ListAsync).RequireAuthorization(AdminAuthentication.Policy);
    }

    private static async Task<IResult> RegisterAsync(HttpContext http, InstructionStore instructions, AnchorStore anchors)
    {
        var (body, error) = await JsonBody.ReadAsync<AnchorRegistrationRequest>(http).ConfigureAwait(false);
        if (body is null)
        {
            return error!;
        }

        if (string.IsNullOrWhiteSpace(body.AssignmentId))
        {
            return ApiResults.Invalid(http, "invalid_body", "assignment_id", "assignment_id is required");
        }

        var row = await instructions.GetAsync(InstructionStore.AssignmentKey(body.AssignmentId), http.RequestAborted).ConfigureAwait(false);
        if (row is null)
        {
            return ApiResults.Invalid(http, "unknown_assignment", "assignment_id", $"no assessment instructions are registered for assignment '{body.AssignmentId}'");
        }

        var scale = GradeScale.Named(row.GradeScale);
        if (!scale.TryResolve(body.Grade, out var index))
        {
            return ApiResults.Invalid(http, "invalid_grade", "grade", $"grade '{body.Grade}' is not on the grade scale {scale.Name}; valid labels: {string.Join(", ", scale.Grades)}");
        }

        if (body.EssayText is null || body.EssayText.Trim().Length < MinTextLength)
        {
            return ApiResults.Invalid(http, "text_too_short", "essay_text", $"essay_text needs at least {MinTextLength} characters");
        }

        var (anchor, status) = await anchors.UpsertAsync(
            body.AssignmentId, body.AnchorLabel, scale.Grades[index], scale.Name, Encoding.UTF8.GetBytes(body.EssayText), http.RequestAborted).ConfigureAwait(false);
        return ApiResults.Json(
            new AnchorRegistered(anchor.AnchorId, anchor.TextStorageId, anchor.GradeScale, status),
            status == "registered" ? StatusCodes.Status201Created : StatusCodes.Status200OK);
    }

    private static async Task<IResult> ListAsync(HttpContext http, [FromRoute(Name = "assignment_id")] string assignmentId, InstructionStore instructions, AnchorStore anchors)
    {
        var row = await instructions.GetAsync(InstructionStore.AssignmentKey(assignmentId), http.RequestAborted).ConfigureAwait(false);
        if (row is null)
        {
            return ApiResults.Problem(http, StatusCodes.Status404NotFound, "not_found", "No instructions.", $"no assessment instructions for assignment '{assignmentId}'");
        }

        var all = await anchors.ListAsync(assignmentId, http.RequestAborted).ConfigureAwait(false);
        var current = all.Where(a => a.GradeScale == row.GradeScale).Select(AnchorView.Of).ToArray();
        var byScale = all.GroupBy(a => a.GradeScale, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return ApiResults.Json(new AnchorsView(assignmentId, row.GradeScale, current.Length, current, all.Count, byScale));
    }

    private sealed record AnchorsView(
        string AssignmentId, string GradeScale, int AnchorCount, IReadOnlyList<AnchorView> Anchors, int AnchorCountTotal, IReadOnlyDictionary<string, int> AnchorCountByScale);

    private sealed record AnchorView(string Id, string AssignmentId, string AnchorLabel, string Grade, string GradeScale, string TextStorageId, string CreatedAt)
    {
        public static AnchorView Of(AnchorRow a) =>
            new(a.AnchorId, a.AssignmentId, a.AnchorLabel, a.Grade, a.GradeScale, a.TextStorageId, DbTime.Wire(DbTime.Parse(a.CreatedAt)));
    }
}
