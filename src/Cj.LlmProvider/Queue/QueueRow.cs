using Microsoft.Data.Sqlite;

namespace Cj.LlmProvider.Queue;

/// <summary>A request joined with its leg and body, as <see cref="Read"/> reads it (SQLite integers are 64-bit).</summary>
internal sealed class QueueRow
{
    /// <summary>The tables <see cref="Columns"/> reads: a request, its leg and its body.</summary>
    public const string From =
        "llm_requests r JOIN llm_legs l ON l.queue_id = r.queue_id JOIN llm_request_bodies b ON b.queue_id = r.queue_id";

    /// <summary>The select list that fills a <see cref="QueueRow"/> from <see cref="From"/>.</summary>
    public const string Columns =
        RequestColumns + " b.canonical_request AS CanonicalRequest, b.metadata AS Metadata, " + StateColumns;

    /// <summary>The tables of a row whose body the caller already holds: <see cref="BodilessColumns"/> reads them.</summary>
    public const string FromWithoutBody = "llm_requests r JOIN llm_legs l ON l.queue_id = r.queue_id";

    /// <summary>
    /// <see cref="Columns"/> without the body (both texts empty): a finishing leg's processor holds the body it claimed,
    /// and reading the canonical request again cost a copy of both essays per request.
    /// </summary>
    public const string BodilessColumns = RequestColumns + " '' AS CanonicalRequest, '' AS Metadata, " + StateColumns;

    /// <summary>The columns before the body (<see cref="Read"/> reads by position: the body is columns 10 and 11).</summary>
    private const string RequestColumns = """
        r.queue_id AS QueueId, r.correlation_id AS CorrelationId, r.batch_id AS BatchId,
        r.callback_topic AS CallbackTopic, r.priority AS Priority, r.mode AS Mode, r.provider AS Provider,
        r.model AS Model, r.prompt_sha256 AS PromptSha256, r.occurrence AS Occurrence,
        """;

    private const string StateColumns = """
        r.status AS Status, r.queued_at AS QueuedAt, r.expires_at AS ExpiresAt, r.started_at AS StartedAt,
        r.completed_at AS CompletedAt, r.error_code AS ErrorCode, r.callback_event_id AS CallbackEventId,
        l.leg AS Leg, l.status AS LegStatus, l.attempts AS Attempts, l.once_retries AS OnceRetries,
        l.prompt_tokens AS PromptTokens, l.completion_tokens AS CompletionTokens,
        l.cache_read_tokens AS CacheReadTokens, l.cache_write_tokens AS CacheWriteTokens,
        l.reasoning_tokens AS ReasoningTokens, l.response_time_ms AS ResponseTimeMs, l.last_error_code AS LastErrorCode
        """;

    public string QueueId { get; set; } = "";

    public string CorrelationId { get; set; } = "";

    public string BatchId { get; set; } = "";

    public string CallbackTopic { get; set; } = "";

    public long Priority { get; set; }

    public string Mode { get; set; } = "";

    public string Provider { get; set; } = "";

    public string Model { get; set; } = "";

    public string PromptSha256 { get; set; } = "";

    public long Occurrence { get; set; }

    public string CanonicalRequest { get; set; } = "";

    /// <summary>
    /// <see cref="CanonicalRequest"/> parsed, once per row object: the call reads it, and so does the result when the
    /// leg finishes (bodies are written once, so the parse of the claimed row serves the row read back at the end).
    /// </summary>
    public Prompting.CanonicalRequest ParsedRequest
    {
        get => parsed ??= Prompting.CanonicalRequest.Parse(CanonicalRequest);
        set => parsed = value;
    }

    public string Metadata { get; set; } = "{}";

    public string Status { get; set; } = "";

    public string QueuedAt { get; set; } = "";

    public string ExpiresAt { get; set; } = "";

    public string? StartedAt { get; set; }

    public string? CompletedAt { get; set; }

    public string? ErrorCode { get; set; }

    public string? CallbackEventId { get; set; }

    public string Leg { get; set; } = "";

    public string LegStatus { get; set; } = "";

    public long Attempts { get; set; }

    public long OnceRetries { get; set; }

    public long PromptTokens { get; set; }

    public long CompletionTokens { get; set; }

    public long CacheReadTokens { get; set; }

    public long CacheWriteTokens { get; set; }

    public long ReasoningTokens { get; set; }

    public long ResponseTimeMs { get; set; }

    public string? LastErrorCode { get; set; }

    private Prompting.CanonicalRequest? parsed;

    /// <summary>
    /// This claimed row as the store will hold it once <paramref name="attempt"/> is recorded under the lease: usage
    /// and response time added, the error code and once-retry counted (the lease makes the claimant the only writer).
    /// </summary>
    public QueueRow AfterAttempt(AttemptRecord attempt)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        var after = (QueueRow)MemberwiseClone();
        after.PromptTokens += attempt.Usage.PromptTokens;
        after.CompletionTokens += attempt.Usage.CompletionTokens;
        after.CacheReadTokens += attempt.Usage.CacheReadTokens;
        after.CacheWriteTokens += attempt.Usage.CacheWriteTokens;
        after.ReasoningTokens += attempt.Usage.ReasoningTokens;
        after.ResponseTimeMs += (long)Math.Round(attempt.Latency.TotalMilliseconds);
        after.OnceRetries += attempt.SpentOnceRetry ? 1 : 0;
        after.LastErrorCode = attempt.ErrorCode;
        return after;
    }

    /// <summary>Whether the two rows agree on every value a result and its envelope are built from (the body aside).</summary>
    public bool SameResultInputs(QueueRow other) =>
        other is not null
        && (QueueId, CorrelationId, BatchId, CallbackTopic, Mode, Provider, Model, PromptSha256, QueuedAt)
            == (other.QueueId, other.CorrelationId, other.BatchId, other.CallbackTopic, other.Mode, other.Provider, other.Model, other.PromptSha256, other.QueuedAt)
        && (Attempts, PromptTokens, CompletionTokens, CacheReadTokens, CacheWriteTokens, ReasoningTokens, ResponseTimeMs)
            == (other.Attempts, other.PromptTokens, other.CompletionTokens, other.CacheReadTokens, other.CacheWriteTokens, other.ReasoningTokens, other.ResponseTimeMs);

    /// <summary>Every row of <paramref name="command"/>, whose select list is <see cref="Columns"/>.</summary>
    public static List<QueueRow> Read(SqliteCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var rows = new List<QueueRow>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
            rows.Add(new QueueRow
            {
                QueueId = reader.GetString(0),
                CorrelationId = reader.GetString(1),
                BatchId = reader.GetString(2),
                CallbackTopic = reader.GetString(3),
                Priority = reader.GetInt64(4),
                Mode = reader.GetString(5),
                Provider = reader.GetString(6),
                Model = reader.GetString(7),
                PromptSha256 = reader.GetString(8),
                Occurrence = reader.GetInt64(9),
                CanonicalRequest = reader.GetString(10),
                Metadata = reader.GetString(11),
                Status = reader.GetString(12),
                QueuedAt = reader.GetString(13),
                ExpiresAt = reader.GetString(14),
                StartedAt = Text(15),
                CompletedAt = Text(16),
                ErrorCode = Text(17),
                CallbackEventId = Text(18),
                Leg = reader.GetString(19),
                LegStatus = reader.GetString(20),
                Attempts = reader.GetInt64(21),
                OnceRetries = reader.GetInt64(22),
                PromptTokens = reader.GetInt64(23),
                CompletionTokens = reader.GetInt64(24),
                CacheReadTokens = reader.GetInt64(25),
                CacheWriteTokens = reader.GetInt64(26),
                ReasoningTokens = reader.GetInt64(27),
                ResponseTimeMs = reader.GetInt64(28),
                LastErrorCode = Text(29),
            });
        }

        return rows;
    }
}
