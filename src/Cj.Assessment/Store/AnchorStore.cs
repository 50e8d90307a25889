using System.Security.Cryptography;
using System.Text;
using Cj.Hosting.Store;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Cj.Assessment.Store;

/// <summary>One registered anchor essay: an expert-graded text of an assignment on one grade scale.</summary>
internal sealed record AnchorRow(
    string AnchorId,
    string AssignmentId,
    string AnchorLabel,
    string Grade,
    string GradeScale,
    string TextStorageId,
    string CreatedAt,
    string UpdatedAt);

/// <summary>Anchors, upserted by (assignment id, anchor label, grade scale).</summary>
internal sealed class AnchorStore(SqliteDatabase database, TimeProvider time)
{
    private const string Columns =
        "anchor_id AS AnchorId, assignment_id AS AssignmentId, anchor_label AS AnchorLabel, grade AS Grade, grade_scale AS GradeScale, text_storage_id AS TextStorageId, created_at AS CreatedAt, updated_at AS UpdatedAt";

    /// <summary>Stable id of an anchor: <c>anchor_</c> + 16 hex of SHA-256 over its upsert key.</summary>
    public static string AnchorIdOf(string assignmentId, string label, string gradeScale) =>
        "anchor_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{assignmentId}\n{gradeScale}\n{label}")))[..16];

    /// <summary>Stores the text and upserts the anchor; returns the row and <c>registered</c>, <c>updated</c> or <c>unchanged</c>.</summary>
    public async Task<(AnchorRow Row, string Status)> UpsertAsync(
        string assignmentId, string? label, string grade, string gradeScale, byte[] text, CancellationToken cancellationToken)
    {
        var now = DbTime.Store(time.GetUtcNow());
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = connection.BeginTransaction();
        var storageId = ContentStore.Put(connection, transaction, text, time.GetUtcNow());
        var anchorLabel = string.IsNullOrWhiteSpace(label) ? "anchor_" + storageId[..12] : label.Trim();
        var id = AnchorIdOf(assignmentId, anchorLabel, gradeScale);
        var existing = connection.QuerySingleOrDefault<AnchorRow>($"SELECT {Columns} FROM anchors WHERE anchor_id = @id", new { id }, transaction);
        var row = new AnchorRow(id, assignmentId, anchorLabel, grade, gradeScale, storageId, existing?.CreatedAt ?? now, now);
        string status;
        if (existing is null)
        {
            status = "registered";
            connection.Execute(
                "INSERT INTO anchors (anchor_id, assignment_id, anchor_label, grade, grade_scale, text_storage_id, created_at, updated_at) VALUES (@AnchorId, @AssignmentId, @AnchorLabel, @Grade, @GradeScale, @TextStorageId, @CreatedAt, @UpdatedAt)",
                row,
                transaction);
        }
        else if (existing.Grade == grade && existing.TextStorageId == storageId)
        {
            status = "unchanged";
            row = existing;
        }
        else
        {
            status = "updated";
            connection.Execute("UPDATE anchors SET grade = @Grade, text_storage_id = @TextStorageId, updated_at = @UpdatedAt WHERE anchor_id = @AnchorId", row, transaction);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return (row, status);
    }

    public async Task<IReadOnlyList<AnchorRow>> ListAsync(string assignmentId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return List(connection, null, assignmentId);
    }

    public static IReadOnlyList<AnchorRow> List(SqliteConnection connection, SqliteTransaction? transaction, string assignmentId) =>
        [.. connection.Query<AnchorRow>($"SELECT {Columns} FROM anchors WHERE assignment_id = @assignmentId ORDER BY anchor_label, grade_scale", new { assignmentId }, transaction)];
}
