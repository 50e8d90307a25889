using Cj.Hosting.Store;
using Cj.LlmProvider.Providers;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Cj.LlmProvider.Queue;

/// <summary>
/// What one provider call did to its leg: the billed usage and latency, the error code if any, whether it spent the
/// single retry of an invalid or truncated answer, and either the time of the next attempt or the terminal outcome.
/// </summary>
internal sealed record AttemptRecord(
    ProviderUsage Usage,
    TimeSpan Latency,
    string? ErrorCode,
    bool SpentOnceRetry,
    DateTimeOffset? RetryAt,
    TerminalOutcome? Terminal);

/// <summary>The queue store: claiming, recording attempts, releasing leases.</summary>
internal sealed partial class QueueStore
{
    /// <summary>
    /// Claims up to <paramref name="limit"/> queued legs in queue order (priority desc, queued_at, seq) whose retry
    /// time has come and whose request has not expired: each becomes <c>processing</c> under a lease held by
    /// <paramref name="owner"/> until now + <paramref name="lease"/>, with its attempt counted. Bodies come from
    /// <see cref="AdmittedBodies"/> where kept, else from the store: the claim runs under the writer's lock, and
    /// reading and decoding every claimed body there held up every other write.
    /// </summary>
    public Task<IReadOnlyList<QueueRow>> ClaimAsync(string owner, int limit, TimeSpan lease, CancellationToken ct) =>
        writes.RunAsync<IReadOnlyList<QueueRow>>((connection, tx) => Claim(connection, tx, owner, limit, lease), ct);

    private List<QueueRow> Claim(SqliteConnection connection, SqliteTransaction tx, string owner, int limit, TimeSpan lease)
    {
        var now = StoreTime.Format(time.GetUtcNow());
        var leaseUntil = StoreTime.Format(time.GetUtcNow() + lease);
        var rows = QueueRow.Read(connection.Prepared(
            tx,
            $"""
            SELECT {QueueRow.BodilessColumns} FROM {QueueRow.FromWithoutBody}
            WHERE r.status = 'queued' AND l.status = 'queued' AND l.not_before <= @Now AND r.expires_at > @Now
            ORDER BY r.priority DESC, r.queued_at, r.seq LIMIT @N
            """).With("@Now", now).With("@N", limit));
        foreach (var row in rows)
        {
            connection.Prepared(
                tx,
                """
                UPDATE llm_legs SET status = 'processing', attempts = attempts + 1, lease_owner = @Owner,
                    lease_until = @LeaseUntil, dispatched_at = @Now WHERE queue_id = @QueueId AND leg = @Leg
                """).With("@Owner", owner).With("@LeaseUntil", leaseUntil).With("@Now", now).With("@QueueId", row.QueueId).With("@Leg", row.Leg)
                .ExecuteNonQuery();
            connection.Prepared(tx, "UPDATE llm_requests SET status = 'processing', started_at = COALESCE(started_at, @Now) WHERE queue_id = @QueueId")
                .With("@Now", now).With("@QueueId", row.QueueId)
                .ExecuteNonQuery();
            row.Attempts++;
            row.LegStatus = QueueStatus.Processing;
            if (bodies.Take(row.QueueId) is { } body)
            {
                (row.CanonicalRequest, row.Metadata) = (body.CanonicalRequest, body.Metadata);
            }
            else
            {
                using var stored = connection.Prepared(tx, "SELECT canonical_request, metadata FROM llm_request_bodies WHERE queue_id = @QueueId")
                    .With("@QueueId", row.QueueId).ExecuteReader();
                stored.Read();
                (row.CanonicalRequest, row.Metadata) = (stored.GetString(0), stored.GetString(1));
            }
        }

        return rows;
    }

    /// <summary>
    /// Records one attempt of a leg <paramref name="owner"/> still leases: usage is added, then the leg is queued
    /// again at <see cref="AttemptRecord.RetryAt"/> or finished, in which case the same transaction stores the
    /// result and writes the callback to the outbox. Returns the result when terminal; null for a retry or when the
    /// lease was lost (the leg was recovered meanwhile, so another attempt owns it).
    /// </summary>
    public Task<Finished?> RecordAsync(QueueRow row, string owner, AttemptRecord attempt, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(attempt);

        // A terminal attempt's result and callback are built here, on the caller's thread, from the row as the record
        // will leave it; the store's single writer then only checks that row and writes them.
        var now = time.GetUtcNow();
        var prepared = attempt.Terminal is { } terminal ? TryPrepare(row.AfterAttempt(attempt), terminal, now) : null;
        return writes.RunAsync((connection, tx) => Record(connection, tx, row, owner, attempt, now, prepared), ct);
    }

    /// <summary>The prepared finish, or null when building it fails: the writer then builds it (and fails) as before.</summary>
    private static PreparedFinish? TryPrepare(QueueRow expected, TerminalOutcome terminal, DateTimeOffset now)
    {
        try
        {
            return PreparedFinish.Of(expected, terminal, now);
        }
        catch (Exception e) when (e is FormatException or System.Text.Json.JsonException or ArgumentException or InvalidOperationException)
        {
            return null;
        }
    }

    private static Finished? Record(
        SqliteConnection connection, SqliteTransaction tx, QueueRow row, string owner, AttemptRecord attempt, DateTimeOffset now, PreparedFinish? prepared)
    {
        var terminal = attempt.Terminal;
        const string Update =
            """
            UPDATE llm_legs SET prompt_tokens = prompt_tokens + @P, completion_tokens = completion_tokens + @C,
                cache_read_tokens = cache_read_tokens + @CR, cache_write_tokens = cache_write_tokens + @CW,
                reasoning_tokens = reasoning_tokens + @R, response_time_ms = response_time_ms + @Ms,
                once_retries = once_retries + @Once, last_error_code = @Error, status = @Status,
                not_before = COALESCE(@NotBefore, not_before), lease_owner = NULL, lease_until = NULL
            WHERE queue_id = @QueueId AND leg = @Leg AND status = 'processing' AND lease_owner = @Owner
            """;
        var changed = connection.Prepared(tx, Update)
            .With("@P", attempt.Usage.PromptTokens)
            .With("@C", attempt.Usage.CompletionTokens)
            .With("@CR", attempt.Usage.CacheReadTokens)
            .With("@CW", attempt.Usage.CacheWriteTokens)
            .With("@R", attempt.Usage.ReasoningTokens)
            .With("@Ms", (long)Math.Round(attempt.Latency.TotalMilliseconds))
            .With("@Once", attempt.SpentOnceRetry ? 1 : 0)
            .With("@Error", attempt.ErrorCode)
            .With("@Status", terminal is null ? QueueStatus.Queued : terminal.Verdict is null ? QueueStatus.Failed : QueueStatus.Succeeded)
            .With("@NotBefore", attempt.RetryAt is { } at ? StoreTime.Format(at) : null)
            .With("@QueueId", row.QueueId)
            .With("@Leg", row.Leg)
            .With("@Owner", owner)
            .ExecuteNonQuery();
        if (changed == 0)
        {
            return null;
        }

        Finished? finished = null;
        if (terminal is null)
        {
            connection.Prepared(tx, "UPDATE llm_requests SET status = 'queued' WHERE queue_id = @QueueId").With("@QueueId", row.QueueId).ExecuteNonQuery();
        }
        else
        {
            var status = terminal.Verdict is null ? QueueStatus.Failed : QueueStatus.Completed;
            finished = Finish(connection, tx, row.QueueId, terminal, status, now, row, prepared);
        }

        return finished;
    }

    /// <summary>Returns a leg whose call was cancelled by shutdown to the queue, its attempt not counted.</summary>
    public Task ReleaseAsync(QueueRow row, string owner, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(row);
        return writes.RunAsync((connection, tx) => Release(connection, tx, row, owner), ct);
    }

    private static int Release(SqliteConnection connection, SqliteTransaction tx, QueueRow row, string owner)
    {
        var changed = connection.Execute(
            """
            UPDATE llm_legs SET status = 'queued', attempts = MAX(0, attempts - 1), lease_owner = NULL, lease_until = NULL
            WHERE queue_id = @QueueId AND leg = @Leg AND status = 'processing' AND lease_owner = @Owner
            """,
            new { row.QueueId, row.Leg, Owner = owner },
            tx);
        if (changed > 0)
        {
            connection.Execute("UPDATE llm_requests SET status = 'queued' WHERE queue_id = @QueueId", new { row.QueueId }, tx);
        }

        return changed;
    }

    /// <summary>
    /// Returns processing legs to the queue: all of them when <paramref name="all"/> (start-up: SQLite has one
    /// dispatcher per database, so every lease in the file belongs to a dead process), else those whose lease
    /// lapsed. A lapsed lease keeps its attempt counted: that call may still be running (and billed). At start-up
    /// the interrupted attempt is repeated under its own number instead: its process is gone, no answer of it was
    /// recorded, so an offline provider draws the same verdict again and a crash spends no retry; only a leg's first crash is forgiven, so a call that keeps killing its process still runs out of attempts. Either way the
    /// possible second call is counted in <c>llm_provider_possible_duplicate_calls_total</c>. Returns the counts by provider.
    /// </summary>
    public Task<IReadOnlyDictionary<string, int>> RecoverLeasesAsync(bool all, CancellationToken ct) =>
        writes.RunAsync<IReadOnlyDictionary<string, int>>((connection, tx) => RecoverLeases(connection, tx, all), ct);

    private Dictionary<string, int> RecoverLeases(SqliteConnection connection, SqliteTransaction tx, bool all)
    {
        var args = new { Now = StoreTime.Format(time.GetUtcNow()), All = all };
        const string Lapsed = "l.status = 'processing' AND (@All OR l.lease_until <= @Now)";
        var counts = connection.Query<(string Provider, long Count)>(
            $"SELECT r.provider, COUNT(*) FROM llm_legs l JOIN llm_requests r ON r.queue_id = l.queue_id WHERE {Lapsed} GROUP BY r.provider",
            args,
            tx).ToDictionary(c => c.Provider, c => (int)c.Count, StringComparer.Ordinal);
        if (counts.Count > 0)
        {
            connection.Execute(
                $"""
                UPDATE llm_legs AS l SET status = 'queued', attempts = CASE WHEN @All AND crash_recoveries = 0 THEN MAX(attempts - 1, 0) ELSE attempts END,
                    crash_recoveries = crash_recoveries + CASE WHEN @All THEN 1 ELSE 0 END, lease_owner = NULL, lease_until = NULL, not_before = @Now WHERE {Lapsed};
                UPDATE llm_requests SET status = 'queued' WHERE status = 'processing'
                    AND queue_id NOT IN (SELECT queue_id FROM llm_legs WHERE status = 'processing');
                """,
                args,
                tx);
        }

        return counts;
    }
}
