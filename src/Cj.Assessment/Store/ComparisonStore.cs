using Cj.Contracts;
using Cj.Core.Workflow;
using Cj.Hosting.Store;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Cj.Assessment.Store;

/// <summary>
/// An attempt (usually one still waiting for its result) with what is needed to (re-)send it, and the event id of the
/// callback already recorded for it, if any.
/// </summary>
internal sealed record PendingAttempt(
    string RequestId, string BatchId, long ComparisonSeq, long Attempt, long Wave, string EssayAId, string EssayBId, string DeadlineAt, string? CallbackEventId);

/// <summary>
/// Every comparison attempt: recorded (status <c>pending</c>) in the same transaction that decided to send it, before
/// the HTTP call; then its verdict or error, provider, model, tokens, cost and prompt hash.
/// </summary>
internal static class ComparisonStore
{
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
    public const string TimedOut = "timed_out";

    private const string PendingColumns =
        "request_id AS RequestId, batch_id AS BatchId, comparison_seq AS ComparisonSeq, attempt AS Attempt, wave AS Wave, essay_a_id AS EssayAId, essay_b_id AS EssayBId, deadline_at AS DeadlineAt, callback_event_id AS CallbackEventId";

    private const string FindSql = $"SELECT {PendingColumns} FROM comparisons WHERE request_id = @requestId";

    public static void InsertAttempts(SqliteConnection connection, SqliteTransaction transaction, string batchId, RequestComparisons action, DateTimeOffset now) =>
        connection.Execute(
            """
            INSERT INTO comparisons (request_id, batch_id, comparison_seq, attempt, wave, essay_a_id, essay_b_id, status, deadline_at, created_at)
            VALUES (@RequestId, @batchId, @ComparisonSeq, @Attempt, @wave, @First, @Second, 'pending', @Deadline, @now)
            """,
            action.Requests.Select(r => new
            {
                r.RequestId,
                batchId,
                r.ComparisonSeq,
                r.Attempt,
                wave = action.Wave,
                First = r.First.Value,
                Second = r.Second.Value,
                Deadline = DbTime.Store(r.Deadline),
                now = DbTime.Store(now),
            }),
            transaction);

    public static PendingAttempt? GetPending(SqliteConnection connection, SqliteTransaction? transaction, string requestId) =>
        Read(connection.Prepared(transaction, FindSql + " AND status = 'pending'").With("@requestId", requestId));

    /// <summary>The attempt with this request id in any status, or null.</summary>
    public static PendingAttempt? Find(SqliteConnection connection, SqliteTransaction? transaction, string requestId) =>
        Read(connection.Prepared(transaction, FindSql).With("@requestId", requestId));

    private static PendingAttempt? Read(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        return reader.Read()
            ? new PendingAttempt(
                reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4),
                reader.GetString(5), reader.GetString(6), reader.GetString(7), reader.IsDBNull(8) ? null : reader.GetString(8))
            : null;
    }

    /// <summary>After a comparison succeeded, its other attempts still in flight are no longer needed.</summary>
    public static void Supersede(SqliteConnection connection, SqliteTransaction transaction, string batchId, long comparisonSeq, DateTimeOffset now) =>
        connection.Execute(
            "UPDATE comparisons SET status = 'superseded', completed_at = @now WHERE batch_id = @batchId AND comparison_seq = @comparisonSeq AND status = 'pending'",
            new { batchId, comparisonSeq, now = DbTime.Store(now) },
            transaction);

    public static IReadOnlyList<PendingAttempt> PendingOf(SqliteConnection connection, string batchId) =>
        [.. connection.Query<PendingAttempt>($"SELECT {PendingColumns} FROM comparisons WHERE batch_id = @batchId AND status = 'pending' ORDER BY comparison_seq, attempt", new { batchId })];

    public static IReadOnlyList<PendingAttempt> PastDeadline(SqliteConnection connection, DateTimeOffset now) =>
        [.. connection.Query<PendingAttempt>($"SELECT {PendingColumns} FROM comparisons WHERE status = 'pending' AND deadline_at < @now ORDER BY batch_id, comparison_seq", new { now = DbTime.Store(now) })];

    public static void MarkSent(SqliteConnection connection, SqliteTransaction transaction, string requestId, string? queueId, DateTimeOffset now) =>
        connection.Prepared(transaction, "UPDATE comparisons SET sent_at = @now, queue_id = @queueId WHERE request_id = @requestId")
            .With("@requestId", requestId).With("@queueId", queueId).With("@now", DbTime.Store(now))
            .ExecuteNonQuery();

    public static void MarkSettled(SqliteConnection connection, SqliteTransaction transaction, string requestId, string status, string? errorCode, DateTimeOffset now) =>
        connection.Execute(
            "UPDATE comparisons SET status = @status, error_code = COALESCE(@errorCode, error_code), completed_at = @now WHERE request_id = @requestId AND status = 'pending'",
            new { requestId, status, errorCode, now = DbTime.Store(now) },
            transaction);

    /// <summary>Marks every pending attempt of a batch that has ended as cancelled.</summary>
    public static void CancelPending(SqliteConnection connection, SqliteTransaction transaction, string batchId, DateTimeOffset now) =>
        connection.Execute("UPDATE comparisons SET status = 'cancelled', completed_at = @now WHERE batch_id = @batchId AND status = 'pending'", new { batchId, now = DbTime.Store(now) }, transaction);

    /// <summary>Records the provider's answer for an attempt: verdict or error, provider, model, tokens, cost, prompt hash.</summary>
    public static void RecordResult(SqliteConnection connection, SqliteTransaction transaction, LlmComparisonResultV1 result, string? winnerId, string status, Guid eventId, DateTimeOffset now)
    {
        const string Update =
            """
            UPDATE comparisons SET status = CASE WHEN status = 'pending' THEN @status ELSE status END,
                winner_id = @winnerId, verdict = @verdict, confidence = @confidence, justification = @justification,
                error_code = @errorCode, provider = @provider, model = @model, prompt_tokens = @promptTokens,
                completion_tokens = @completionTokens, total_tokens = @totalTokens, cache_read_tokens = @cacheRead,
                cache_write_tokens = @cacheWrite, reasoning_tokens = @reasoning, cost_usd = @cost, prompt_sha256 = @sha,
                response_time_ms = @responseTime, queue_id = COALESCE(queue_id, @queueId), callback_event_id = @eventId, completed_at = @now
            WHERE request_id = @requestId
            """;
        var usage = result.TokenUsage ?? TokenUsage.None;
        connection.Prepared(transaction, Update)
            .With("@requestId", result.CorrelationId)
            .With("@status", status)
            .With("@winnerId", winnerId)
            .With("@verdict", result.Winner)
            .With("@confidence", result.Confidence)
            .With("@justification", result.Justification)
            .With("@errorCode", result.ErrorDetail?.ErrorCode)
            .With("@provider", result.Provider)
            .With("@model", result.Model)
            .With("@promptTokens", usage.PromptTokens)
            .With("@completionTokens", usage.CompletionTokens)
            .With("@totalTokens", usage.TotalTokens)
            .With("@cacheRead", usage.CacheReadTokens)
            .With("@cacheWrite", usage.CacheWriteTokens)
            .With("@reasoning", usage.ReasoningTokens)
            .With("@cost", result.CostEstimate?.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .With("@sha", result.RequestMetadata?.GetValueOrDefault("prompt_sha256")?.ToString())
            .With("@responseTime", result.ResponseTimeMs)
            .With("@queueId", result.RequestId)
            .With("@eventId", eventId.ToString("D"))
            .With("@now", DbTime.Store(now))
            .ExecuteNonQuery();
    }

    /// <summary>Attempts of a batch the provider service accepted: it returned a queue id, or a result arrived for it.</summary>
    public static int AcceptedCount(SqliteConnection connection, SqliteTransaction? transaction, string batchId) =>
        connection.ExecuteScalar<int>(
            "SELECT COUNT(*) FROM comparisons WHERE batch_id = @batchId AND (queue_id IS NOT NULL OR provider IS NOT NULL)", new { batchId }, transaction);

    /// <summary>Total cost (USD) of every attempt of a batch and the most frequent (provider, model) over its successes.</summary>
    public static (decimal Cost, string? Provider, string? Model) Usage(SqliteConnection connection, SqliteTransaction? transaction, string batchId)
    {
        var cost = connection.Query<string?>("SELECT cost_usd FROM comparisons WHERE batch_id = @batchId AND cost_usd IS NOT NULL", new { batchId }, transaction)
            .Sum(c => decimal.Parse(c!, System.Globalization.CultureInfo.InvariantCulture));
        var top = connection.Query<(string Provider, string Model, long Count)>(
            "SELECT provider, model, COUNT(*) FROM comparisons WHERE batch_id = @batchId AND status = 'succeeded' AND provider IS NOT NULL AND model IS NOT NULL GROUP BY provider, model",
            new { batchId },
            transaction)
            .OrderByDescending(r => r.Count).ThenBy(r => r.Provider, StringComparer.Ordinal).ThenBy(r => r.Model, StringComparer.Ordinal)
            .FirstOrDefault();
        return (Math.Round(cost, 8), top.Provider, top.Model);
    }
}
