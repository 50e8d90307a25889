using Cj.Hosting.Store;

namespace Cj.LlmProvider.Queue;

/// <summary>
/// The queue's forward-only migrations (design §2): <c>llm_requests</c> (one row per accepted request: its state and
/// hash), <c>llm_request_bodies</c> (its canonical request and metadata), <c>llm_results</c> (the published result,
/// once terminal), <c>llm_legs</c> (the provider work of a request: status,
/// attempts, retry time, lease and billed usage) and the <c>outbox</c>. Instants are <see cref="StoreTime"/> text.
/// </summary>
internal static class QueueSchema
{
    public static IReadOnlyList<Migration> Migrations { get; } =
    [
        new Migration(1, "llm_queue", """
            CREATE TABLE llm_requests (
                queue_id TEXT NOT NULL PRIMARY KEY,
                seq INTEGER NOT NULL UNIQUE,
                correlation_id TEXT NOT NULL UNIQUE,
                batch_id TEXT NOT NULL,
                callback_topic TEXT NOT NULL,
                user_id TEXT NULL,
                priority INTEGER NOT NULL,
                mode TEXT NOT NULL,
                provider TEXT NOT NULL,
                model TEXT NOT NULL,
                compat_key TEXT NULL,
                prompt_sha256 TEXT NOT NULL,
                occurrence INTEGER NOT NULL,
                canonical_request TEXT NOT NULL,
                metadata TEXT NOT NULL,
                prompt_bytes INTEGER NOT NULL,
                status TEXT NOT NULL,
                queued_at TEXT NOT NULL,
                expires_at TEXT NOT NULL,
                started_at TEXT NULL,
                completed_at TEXT NULL,
                error_code TEXT NULL,
                result TEXT NULL,
                callback_event_id TEXT NULL
            );
            CREATE INDEX ix_llm_requests_prompt_sha256 ON llm_requests (prompt_sha256);
            CREATE INDEX ix_llm_requests_claim ON llm_requests (status, priority DESC, queued_at, seq);
            CREATE INDEX ix_llm_requests_load ON llm_requests (status, priority, prompt_bytes);
            CREATE TABLE llm_legs (
                queue_id TEXT NOT NULL REFERENCES llm_requests (queue_id),
                leg TEXT NOT NULL,
                status TEXT NOT NULL,
                attempts INTEGER NOT NULL DEFAULT 0,
                once_retries INTEGER NOT NULL DEFAULT 0,
                not_before TEXT NOT NULL,
                lease_owner TEXT NULL,
                lease_until TEXT NULL,
                dispatched_at TEXT NULL,
                prompt_tokens INTEGER NOT NULL DEFAULT 0,
                completion_tokens INTEGER NOT NULL DEFAULT 0,
                cache_read_tokens INTEGER NOT NULL DEFAULT 0,
                cache_write_tokens INTEGER NOT NULL DEFAULT 0,
                reasoning_tokens INTEGER NOT NULL DEFAULT 0,
                response_time_ms INTEGER NOT NULL DEFAULT 0,
                last_error_code TEXT NULL,
                PRIMARY KEY (queue_id, leg)
            );
            CREATE INDEX ix_llm_legs_status ON llm_legs (status, not_before);
            """),
        Cj.Hosting.Outbox.Outbox.Migration(2),
        new Migration(3, "llm_legs_crash_recoveries", "ALTER TABLE llm_legs ADD COLUMN crash_recoveries INTEGER NOT NULL DEFAULT 0;"),

        // The large texts move out of the row that changes at every step: updating a row rewrites all of it, and the
        // canonical request (both essays) spans overflow pages. Bodies and results are written once.
        new Migration(4, "llm_request_bodies", """
            CREATE TABLE llm_request_bodies (
                queue_id TEXT NOT NULL PRIMARY KEY REFERENCES llm_requests (queue_id),
                canonical_request TEXT NOT NULL,
                metadata TEXT NOT NULL
            );
            CREATE TABLE llm_results (
                queue_id TEXT NOT NULL PRIMARY KEY REFERENCES llm_requests (queue_id),
                result TEXT NOT NULL
            );
            INSERT INTO llm_request_bodies (queue_id, canonical_request, metadata) SELECT queue_id, canonical_request, metadata FROM llm_requests;
            INSERT INTO llm_results (queue_id, result) SELECT queue_id, result FROM llm_requests WHERE result IS NOT NULL;
            ALTER TABLE llm_requests DROP COLUMN canonical_request;
            ALTER TABLE llm_requests DROP COLUMN metadata;
            ALTER TABLE llm_requests DROP COLUMN result;
            """),
    ];
}

/// <summary>Request and leg status values.</summary>
internal static class QueueStatus
{
    public const string Queued = "queued";
    public const string Processing = "processing";
    public const string Succeeded = "succeeded";
    public const string Completed = "completed";
    public const string Failed = "failed";
    public const string Expired = "expired";

    /// <summary>The single leg of a request (both orders would add <c>ba</c>).</summary>
    public const string LegAb = "ab";

    /// <summary>The one processing mode implemented so far.</summary>
    public const string PerRequest = "per_request";
}
