using Cj.Contracts;

namespace Cj.LlmProvider;

/// <summary>
/// Settings of the LLM Provider Service. Every property documents its default and its environment variable
/// (read by <see cref="FromEnvironment"/>); the <c>LLM_PROVIDER_SERVICE_</c> prefix is written as <c>P_</c>.
/// Offline-provider variables are read with the prefix first, then bare (<c>MOCK_SEED</c>).
/// </summary>
public sealed partial record LlmProviderOptions
{
    /// <summary>SQLite file of the queue and outbox. Default <c>llm_provider.db</c>; <c>P_DATABASE_PATH</c>.</summary>
    public string DatabasePath { get; init; } = "llm_provider.db";

    /// <summary>When set, every <c>/api/v1</c> route requires <c>Authorization: Bearer</c> it. Default none; <c>P_API_TOKEN</c>.</summary>
    public string? ApiToken { get; init; }

    /// <summary>Provider for requests without <c>provider_override</c>. Default <c>mock</c>; <c>P_DEFAULT_PROVIDER</c>.</summary>
    public string DefaultProvider { get; init; } = "mock";

    /// <summary>Model for requests without <c>model_override</c>; default the provider's own; <c>P_DEFAULT_MODEL</c>.</summary>
    public string? DefaultModel { get; init; }

    /// <summary>Whether offline providers may serve requests. Default true; <c>P_ALLOW_MOCK_PROVIDER</c>.</summary>
    public bool AllowMockProvider { get; init; } = true;

    /// <summary>Seed of the mock's draws. Default 42; <c>MOCK_SEED</c>.</summary>
    public long MockSeed { get; init; } = 42;

    /// <summary><c>request_hash</c> (default) or <c>essay_hash</c> (transitive rankings); <c>MOCK_STRATEGY</c>.</summary>
    public string MockStrategy { get; init; } = "request_hash";

    /// <summary>P(Essay A wins) under <c>request_hash</c>. Default 0.5; <c>MOCK_WINNER_A_RATE</c>.</summary>
    public double MockWinnerARate { get; init; } = 0.5;

    /// <summary>Share of calls answered with an error from <see cref="MockErrorCodes"/>. Default 0; <c>MOCK_ERROR_RATE</c>.</summary>
    public double MockErrorRate { get; init; }

    /// <summary>Share of calls answered with a malformed verdict. Default 0; <c>MOCK_MALFORMED_RATE</c>.</summary>
    public double MockMalformedRate { get; init; }

    /// <summary>
    /// Error kinds drawn from: <c>429</c>, <c>500</c>, <c>502</c>, <c>503</c>, <c>504</c>, <c>529</c>, <c>timeout</c>,
    /// <c>malformed</c>, <c>refusal</c>, <c>truncated</c>. Default <c>429,500,503,timeout</c>; <c>MOCK_ERROR_CODES</c>.
    /// </summary>
    public IReadOnlyList<string> MockErrorCodes { get; init; } = ["429", "500", "503", "timeout"];

    /// <summary>Mock latency in milliseconds, waited on the <see cref="TimeProvider"/>. Default 0; <c>MOCK_LATENCY_MS</c>.</summary>
    public int MockLatencyMs { get; init; }

    /// <summary>± jitter on <see cref="MockLatencyMs"/>. Default 0; <c>MOCK_LATENCY_JITTER_MS</c>.</summary>
    public int MockLatencyJitterMs { get; init; }

    /// <summary>CSV <c>essay_id,ability</c> or <c>storage_id,ability</c> (logits); <c>SIMULATED_ABILITIES_FILE</c>.</summary>
    public string? SimulatedAbilitiesFile { get; init; }

    /// <summary>Seed of the simulated judge's draws. Default 42; <c>SIMULATED_SEED</c>.</summary>
    public long SimulatedSeed { get; init; } = 42;

    /// <summary>Divides the ability difference. Default 1.0; <c>SIMULATED_SCALE</c>.</summary>
    public double SimulatedScale { get; init; } = 1.0;

    /// <summary>Logit added in favour of Essay A. Default 0; <c>SIMULATED_POSITION_BIAS</c>.</summary>
    public double SimulatedPositionBias { get; init; }

    /// <summary>Probability of a coin flip instead of the model. Default 0; <c>SIMULATED_LAPSE_RATE</c>.</summary>
    public double SimulatedLapseRate { get; init; }

    /// <summary>JSONL or CSV of recorded judgements; <c>REPLAY_FILE</c>.</summary>
    public string? ReplayFile { get; init; }

    /// <summary>Whether a reversed pair matches with the winner flipped. Default true; <c>REPLAY_ALLOW_REVERSED</c>.</summary>
    public bool ReplayAllowReversed { get; init; } = true;

    /// <summary>
    /// Provider calls per request for retryable errors (429, 5xx, timeouts), the first included. Default 3;
    /// <c>P_QUEUE_MAX_ATTEMPTS</c>, or <c>P_QUEUE_MAX_RETRIES</c> + 1.
    /// </summary>
    public int MaxAttempts { get; init; } = 3;

    /// <summary>Provider calls in flight at once. Default 8; <c>P_LLM_MAX_CONCURRENT_REQUESTS</c>.</summary>
    public int MaxConcurrency { get; init; } = 8;

    /// <summary>Non-terminal requests the queue holds before admission closes. Default 1000; <c>P_QUEUE_MAX_SIZE</c>.</summary>
    public int QueueMaxSize { get; init; } = 1000;

    /// <summary>Prompt megabytes the queue holds. Default 100; <c>P_QUEUE_MAX_MEMORY_MB</c>.</summary>
    public int QueueMaxMemoryMb { get; init; } = 100;

    /// <summary>Admission closes at this share of a maximum. Default 0.8; <c>P_QUEUE_HIGH_WATERMARK</c>.</summary>
    public double QueueHighWatermark { get; init; } = 0.8;

    /// <summary>Admission reopens at this share. Default 0.6; <c>P_QUEUE_LOW_WATERMARK</c>.</summary>
    public double QueueLowWatermark { get; init; } = 0.6;

    /// <summary>TTL of a request without <c>ttl_seconds</c>. Default 4 h; <c>P_QUEUE_REQUEST_TTL_HOURS</c>.</summary>
    public TimeSpan DefaultTtl { get; init; } = TimeSpan.FromHours(4);

    /// <summary>Dispatcher and sweeper poll interval. Default 0.5 s; <c>P_QUEUE_POLL_INTERVAL_SECONDS</c>.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(0.5);

    /// <summary>Per-attempt timeout of a provider call. Default 300 s; <c>P_LLM_REQUEST_TIMEOUT</c> (seconds).</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(300);

    /// <summary>First retry delay, doubled per attempt, with jitter. Default 2 s; <c>P_RETRY_BASE_DELAY_SECONDS</c>.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Cap of a retry delay. Default 60 s; <c>P_RETRY_MAX_DELAY_SECONDS</c>.</summary>
    public TimeSpan RetryMaxDelay { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Seed of the backoff jitter. Default 0; <c>P_SEED</c>.</summary>
    public long Seed { get; init; }

    /// <summary>Temperature when the request has none; null sends none. Default 0.1; <c>P_LLM_DEFAULT_TEMPERATURE</c>.</summary>
    public double? DefaultTemperature { get; init; } = 0.1;

    /// <summary>Max output tokens when the request has none. Default 4096; <c>P_LLM_DEFAULT_MAX_TOKENS</c>.</summary>
    public int DefaultMaxTokens { get; init; } = 4096;

    /// <summary>Whether prompt caching is requested (part of the hash). Default true; <c>P_ENABLE_PROMPT_CACHING</c>.</summary>
    public bool EnablePromptCaching { get; init; } = true;

    /// <summary>Topics a request may name as <c>callback_topic</c>. Default the comparison-result topic; <c>P_ALLOWED_CALLBACK_TOPICS</c> (comma-separated).</summary>
    public IReadOnlyList<string> AllowedCallbackTopics { get; init; } = [Topics.ComparisonResult];
}
