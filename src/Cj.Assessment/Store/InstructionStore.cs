using Cj.Hosting.Store;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Cj.Assessment.Store;

/// <summary>One row of assessment instructions, for an assignment or a course.</summary>
internal sealed record InstructionsRow(
    string ScopeKey,
    string? AssignmentId,
    string? CourseId,
    string InstructionsText,
    string GradeScale,
    string ContextOrigin,
    string? StudentPromptStorageId,
    string? JudgeRubricText,
    string CreatedAt,
    string UpdatedAt);

/// <summary>Assessment instructions keyed by <c>assignment:{id}</c> or <c>course:{id}</c>.</summary>
internal sealed class InstructionStore(SqliteDatabase database)
{
    private const string Columns =
        "scope_key AS ScopeKey, assignment_id AS AssignmentId, course_id AS CourseId, instructions_text AS InstructionsText, grade_scale AS GradeScale, context_origin AS ContextOrigin, student_prompt_storage_id AS StudentPromptStorageId, judge_rubric_text AS JudgeRubricText, created_at AS CreatedAt, updated_at AS UpdatedAt";

    public static string AssignmentKey(string assignmentId) => "assignment:" + assignmentId;

    public static string CourseKey(string courseId) => "course:" + courseId;

    public async Task<InstructionsRow?> GetAsync(string scopeKey, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return Get(connection, null, scopeKey);
    }

    public static InstructionsRow? Get(SqliteConnection connection, SqliteTransaction? transaction, string scopeKey) =>
        connection.QuerySingleOrDefault<InstructionsRow>($"SELECT {Columns} FROM assessment_instructions WHERE scope_key = @scopeKey", new { scopeKey }, transaction);

    /// <summary>Inserts or updates the row; returns the previous row (null when it was created).</summary>
    public async Task<InstructionsRow?> UpsertAsync(InstructionsRow row, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = connection.BeginTransaction();
        var previous = Get(connection, transaction, row.ScopeKey);
        const string Insert = """
            INSERT INTO assessment_instructions (scope_key, assignment_id, course_id, instructions_text, grade_scale, context_origin, student_prompt_storage_id, judge_rubric_text, created_at, updated_at)
            VALUES (@ScopeKey, @AssignmentId, @CourseId, @InstructionsText, @GradeScale, @ContextOrigin, @StudentPromptStorageId, @JudgeRubricText, @CreatedAt, @UpdatedAt)
            """;
        const string Update = """
            UPDATE assessment_instructions SET instructions_text = @InstructionsText, student_prompt_storage_id = @StudentPromptStorageId,
                judge_rubric_text = @JudgeRubricText, updated_at = @UpdatedAt WHERE scope_key = @ScopeKey
            """;
        await connection.ExecuteAsync(new CommandDefinition(previous is null ? Insert : Update, row, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return previous;
    }
}
