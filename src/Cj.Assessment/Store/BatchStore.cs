using Cj.Core.Pairing;
using Cj.Core.Workflow;
using Cj.Hosting.Store;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Cj.Assessment.Store;

/// <summary>The status row of a batch (for queries and the deadline sweep); the truth is its event log.</summary>
internal sealed class BatchRow
{
    public string BatchId { get; init; } = "";

    public string CorrelationId { get; init; } = "";

    public string State { get; init; } = "";

    public string Status { get; init; } = "";

    public string? StopReason { get; init; }

    public long Budget { get; init; }

    public long Requested { get; init; }

    public long Succeeded { get; init; }

    public long Failed { get; init; }

    public long CurrentWave { get; init; }

    public string RequestJson { get; init; } = "";

    public string PromptJson { get; init; } = "";

    public string CreatedAt { get; init; } = "";

    public string UpdatedAt { get; init; } = "";

    public string DeadlineAt { get; init; } = "";
}

/// <summary>One essay of a batch: a student of the request or a registered anchor.</summary>
internal sealed record BatchEssayRow(string EssayId, string StorageId, long IsAnchor, string? AnchorGrade, string? DisplayName);

/// <summary>Batches, their essays and their append-only event logs.</summary>
internal static class BatchStore
{
    private const string Columns =
        "batch_id AS BatchId, correlation_id AS CorrelationId, state AS State, status AS Status, stop_reason AS StopReason, budget AS Budget, requested AS Requested, succeeded AS Succeeded, failed AS Failed, current_wave AS CurrentWave, request_json AS RequestJson, prompt_json AS PromptJson, created_at AS CreatedAt, updated_at AS UpdatedAt, deadline_at AS DeadlineAt";

    private const string StatusColumns =
        "batch_id AS BatchId, correlation_id AS CorrelationId, state AS State, status AS Status, stop_reason AS StopReason, created_at AS CreatedAt, updated_at AS UpdatedAt, deadline_at AS DeadlineAt";

    public static BatchRow? Get(SqliteConnection connection, SqliteTransaction? transaction, string batchId) =>
        connection.QuerySingleOrDefault<BatchRow>($"SELECT {Columns} FROM batches WHERE batch_id = @batchId", new { batchId }, transaction);

    /// <summary>The row without its request and prompt snapshots (and counts): what every step needs.</summary>
    public static BatchRow? GetStatus(SqliteConnection connection, SqliteTransaction? transaction, string batchId) =>
        connection.QuerySingleOrDefault<BatchRow>($"SELECT {StatusColumns} FROM batches WHERE batch_id = @batchId", new { batchId }, transaction);

    public static void Insert(SqliteConnection connection, SqliteTransaction transaction, BatchRow row) =>
        connection.Execute(
            """
            INSERT INTO batches (batch_id, correlation_id, state, status, stop_reason, budget, requested, succeeded, failed, current_wave, request_json, prompt_json, created_at, updated_at, deadline_at)
            VALUES (@BatchId, @CorrelationId, @State, @Status, @StopReason, @Budget, @Requested, @Succeeded, @Failed, @CurrentWave, @RequestJson, @PromptJson, @CreatedAt, @UpdatedAt, @DeadlineAt)
            """,
            row,
            transaction);

    /// <summary>Copies the counts, phase and reason of <paramref name="state"/> into the status row.</summary>
    public static void UpdateStatus(SqliteConnection connection, SqliteTransaction transaction, BatchState state, DateTimeOffset now)
    {
        var (succeeded, failed) = (0, 0);
        foreach (var comparison in state.Comparisons)
        {
            succeeded += comparison.Status == ComparisonStatus.Succeeded ? 1 : 0;
            failed += comparison.Status == ComparisonStatus.FailedPermanently ? 1 : 0;
        }

        const string Update =
            """
            UPDATE batches SET state = @state, status = @status, stop_reason = @reason, budget = @budget, requested = @requested,
                succeeded = @succeeded, failed = @failed, current_wave = @wave, updated_at = @now WHERE batch_id = @batchId
            """;
        connection.Prepared(transaction, Update)
            .With("@state", BatchStatus.StateOf(state.Phase))
            .With("@status", BatchStatus.StatusOf(state))
            .With("@reason", state.TerminalReason)
            .With("@budget", state.Cap)
            .With("@requested", state.Comparisons.Count)
            .With("@succeeded", succeeded)
            .With("@failed", failed)
            .With("@wave", state.Wave)
            .With("@now", DbTime.Store(now))
            .With("@batchId", state.BatchId)
            .ExecuteNonQuery();
    }

    public static void InsertEssays(SqliteConnection connection, SqliteTransaction transaction, string batchId, IEnumerable<BatchEssayRow> essays) =>
        connection.Execute(
            "INSERT INTO batch_essays (batch_id, essay_id, storage_id, is_anchor, anchor_grade, display_name) VALUES (@batchId, @EssayId, @StorageId, @IsAnchor, @AnchorGrade, @DisplayName)",
            essays.Select(e => new { batchId, e.EssayId, e.StorageId, e.IsAnchor, e.AnchorGrade, e.DisplayName }),
            transaction);

    public static IReadOnlyList<BatchEssayRow> Essays(SqliteConnection connection, SqliteTransaction? transaction, string batchId) =>
        [.. connection.Query<BatchEssayRow>(
            "SELECT essay_id AS EssayId, storage_id AS StorageId, is_anchor AS IsAnchor, anchor_grade AS AnchorGrade, display_name AS DisplayName FROM batch_essays WHERE batch_id = @batchId ORDER BY essay_id",
            new { batchId },
            transaction)];

    public static void AppendEvent(SqliteConnection connection, SqliteTransaction transaction, string batchId, long seq, BatchEvent @event, DateTimeOffset now)
    {
        var (kind, payload) = BatchEventJson.Serialize(@event);
        connection.Prepared(transaction, "INSERT INTO batch_events (batch_id, seq, kind, payload, recorded_at) VALUES (@batchId, @seq, @kind, @payload, @now)")
            .With("@batchId", batchId).With("@seq", seq).With("@kind", kind).With("@payload", payload).With("@now", DbTime.Store(now))
            .ExecuteNonQuery();
    }

    public static IReadOnlyList<BatchEvent> Events(SqliteConnection connection, SqliteTransaction? transaction, string batchId) =>
        [.. connection.Query<(string Kind, string Payload)>("SELECT kind, payload FROM batch_events WHERE batch_id = @batchId ORDER BY seq", new { batchId }, transaction)
            .Select(row => BatchEventJson.Deserialize(row.Kind, row.Payload))];

    public static IReadOnlyList<string> Running(SqliteConnection connection) =>
        [.. connection.Query<string>("SELECT batch_id FROM batches WHERE state = 'running' ORDER BY created_at")];

    public static IReadOnlyList<string> PastDeadline(SqliteConnection connection, DateTimeOffset now) =>
        [.. connection.Query<string>("SELECT batch_id FROM batches WHERE state = 'running' AND deadline_at < @now", new { now = DbTime.Store(now) })];

    /// <summary>Ends a batch outside the workflow (an exception while deciding): state <c>failed</c> with the reason.</summary>
    public static void MarkFailed(SqliteConnection connection, SqliteTransaction transaction, string batchId, string reason, DateTimeOffset now) =>
        connection.Execute(
            "UPDATE batches SET state = 'failed', status = 'ERROR_PROCESSING', stop_reason = @reason, updated_at = @now WHERE batch_id = @batchId",
            new { batchId, reason, now = DbTime.Store(now) },
            transaction);
}
