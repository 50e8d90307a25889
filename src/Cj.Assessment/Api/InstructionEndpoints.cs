using Cj.Assessment.Auth;
using Cj.Assessment.Store;
using Cj.Contracts;
using Cj.Core.Grading;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Cj.Assessment.Api;

/// <summary>Admin routes for assessment instructions and grade scales (admin JWT).</summary>
internal static class InstructionEndpoints
{
    public static void MapInstructions(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/admin/v1/assessment-instructions", PostAsync).RequireAuthorization(AdminAuthentication.Policy);
        routes.MapGet("/admin/v1/assessment-instructions/assignment/{assignment_id}", GetAsync).RequireAuthorization(AdminAuthentication.Policy);
        routes.MapGet("/admin/v1/grade-scales", () => ApiResults.Json(GradeScale.KnownNames.Select(GradeScale.Named)
            .Select(s => new GradeScaleView(s.Name, [.. s.Grades], s.Grades[0], null)))).RequireAuthorization(AdminAuthentication.Policy);
    }

    private static async Task<IResult> PostAsync(HttpContext http, InstructionStore store, ContentStore content, TimeProvider time)
    {
        var (body, error) = await JsonBody.ReadAsync<AssessmentInstructionsRequest>(http).ConfigureAwait(false);
        if (body is null)
        {
            return error!;
        }

        if (Problem(http, body) is { } invalid)
        {
            return invalid;
        }

        if (body.StudentPromptStorageId is { } promptId && await content.GetAsync(promptId, http.RequestAborted).ConfigureAwait(false) is null)
        {
            return ApiResults.Invalid(http, "content_missing", "student_prompt_storage_id", $"no text is stored under {promptId}");
        }

        var key = body.AssignmentId is { } assignment ? InstructionStore.AssignmentKey(assignment) : InstructionStore.CourseKey(body.CourseId!);
        var existing = await store.GetAsync(key, http.RequestAborted).ConfigureAwait(false);
        if (existing is not null && (existing.GradeScale != body.GradeScale || existing.ContextOrigin != body.ContextOrigin))
        {
            var field = existing.GradeScale != body.GradeScale ? "grade_scale" : "context_origin";
            return ApiResults.Problem(http, StatusCodes.Status409Conflict, "immutable_field", "A field cannot change.", $"{field} differs from the stored instructions and cannot be changed");
        }

        var now = Store.DbTime.Store(time.GetUtcNow());
        var row = new InstructionsRow(key, body.AssignmentId, body.CourseId, body.InstructionsText, body.GradeScale, body.ContextOrigin, body.StudentPromptStorageId, body.JudgeRubricText, existing?.CreatedAt ?? now, now);
        var previous = await store.UpsertAsync(row, http.RequestAborted).ConfigureAwait(false);
        return ApiResults.Json(InstructionsView.Of(row), previous is null ? StatusCodes.Status201Created : StatusCodes.Status200OK);
    }

    private static async Task<IResult> GetAsync(HttpContext http, [FromRoute(Name = "assignment_id")] string assignmentId, InstructionStore store)
    {
        var row = await store.GetAsync(InstructionStore.AssignmentKey(assignmentId), http.RequestAborted).ConfigureAwait(false);
        return row is null
            ? ApiResults.Problem(http, StatusCodes.Status404NotFound, "not_found", "No instructions.", $"no assessment instructions for assignment '{assignmentId}'")
            : ApiResults.Json(InstructionsView.Of(row));
    }

    private static IResult? Problem(HttpContext http, AssessmentInstructionsRequest body)
    {
        if (string.IsNullOrWhiteSpace(body.AssignmentId) == string.IsNullOrWhiteSpace(body.CourseId))
        {
            return ApiResults.Invalid(http, "invalid_body", "assignment_id", "give exactly one of assignment_id and course_id");
        }

        if (body.AssignmentId is { Length: > 100 })
        {
            return ApiResults.Invalid(http, "invalid_body", "assignment_id", "assignment_id is limited to 100 characters");
        }

        if (body.InstructionsText is not { Length: >= 10 })
        {
            return ApiResults.Invalid(http, "invalid_body", "instructions_text", "instructions_text needs at least 10 characters");
        }

        if (body.GradeScale is null || !GradeScale.KnownNames.Contains(body.GradeScale))
        {
            return ApiResults.Invalid(http, "unknown_grade_scale", "grade_scale", $"grade_scale must be one of {string.Join(", ", GradeScale.KnownNames)}");
        }

        return string.IsNullOrWhiteSpace(body.ContextOrigin)
            ? ApiResults.Invalid(http, "invalid_body", "context_origin", "context_origin is required")
            : null;
    }

    private sealed record GradeScaleView(string Name, IReadOnlyList<string> Labels, string BelowLowestLabel, IReadOnlyDictionary<string, double>? Priors);
}

/// <summary>The stored instructions as answered by the admin API.</summary>
internal sealed record InstructionsView(
    string? AssignmentId, string? CourseId, string InstructionsText, string GradeScale, string ContextOrigin,
    string? StudentPromptStorageId, string? JudgeRubricText, string CreatedAt, string UpdatedAt)
{
    public static InstructionsView Of(InstructionsRow row) => new(
        row.AssignmentId, row.CourseId, row.InstructionsText, row.GradeScale, row.ContextOrigin, row.StudentPromptStorageId, row.JudgeRubricText,
        Store.DbTime.Wire(Store.DbTime.Parse(row.CreatedAt)), Store.DbTime.Wire(Store.DbTime.Parse(row.UpdatedAt)));
}
