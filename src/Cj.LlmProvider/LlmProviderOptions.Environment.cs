using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Cj.LlmProvider;

public sealed partial record LlmProviderOptions
{
    /// <summary>The environment prefix of the service's own variables.</summary>
    public const string Prefix = "LLM_PROVIDER_SERVICE_";

    /// <summary>
    /// Reads the options from the environment (<paramref name="env"/> returns a variable's value or null) and
    /// validates them. A malformed or out-of-range value throws <see cref="ArgumentException"/> naming the variable.
    /// </summary>
    public static LlmProviderOptions FromEnvironment(Func<string, string?> env)
    {
        ArgumentNullException.ThrowIfNull(env);
        var r = new EnvReader(env);
        var d = new LlmProviderOptions();
        var useMock = r.Bool(Prefix + "USE_MOCK_LLM", false);
        var retries = r.Int(Prefix + "QUEUE_MAX_RETRIES", d.MaxAttempts - 1, 0, 20);
        var options = new LlmProviderOptions
        {
            DatabasePath = r.Text(Prefix + "DATABASE_PATH") ?? DataSourceOf(r.Text(Prefix + "STORE_CONNECTION_STRING")) ?? d.DatabasePath,
            ApiToken = r.Text(Prefix + "API_TOKEN"),
            DefaultProvider = useMock ? "mock" : r.Text(Prefix + "DEFAULT_PROVIDER") ?? d.DefaultProvider,
            DefaultModel = r.Text(Prefix + "DEFAULT_MODEL"),
            AllowMockProvider = r.Bool(Prefix + "ALLOW_MOCK_PROVIDER", d.AllowMockProvider),
            MockSeed = r.Long(r.Offline("MOCK_SEED"), d.MockSeed),
            MockStrategy = r.Text(r.Offline("MOCK_STRATEGY")) ?? d.MockStrategy,
            MockWinnerARate = r.Double(r.Offline("MOCK_WINNER_A_RATE"), d.MockWinnerARate, 0, 1),
            MockErrorRate = r.Double(r.Offline("MOCK_ERROR_RATE"), d.MockErrorRate, 0, 1),
            MockMalformedRate = r.Double(r.Offline("MOCK_MALFORMED_RATE"), d.MockMalformedRate, 0, 1),
            MockErrorCodes = r.List(r.Offline("MOCK_ERROR_CODES")) ?? d.MockErrorCodes,
            MockLatencyMs = r.Int(r.Offline("MOCK_LATENCY_MS"), d.MockLatencyMs, 0, 3_600_000),
            MockLatencyJitterMs = r.Int(r.Offline("MOCK_LATENCY_JITTER_MS"), d.MockLatencyJitterMs, 0, 3_600_000),
            SimulatedAbilitiesFile = r.Text(r.Offline("SIMULATED_ABILITIES_FILE")),
            SimulatedSeed = r.Long(r.Offline("SIMULATED_SEED"), d.SimulatedSeed),
            SimulatedScale = r.Double(r.Offline("SIMULATED_SCALE"), d.SimulatedScale, 1e-9, 1e9),
            SimulatedPositionBias = r.Double(r.Offline("SIMULATED_POSITION_BIAS"), d.SimulatedPositionBias, -100, 100),
            SimulatedLapseRate = r.Double(r.Offline("SIMULATED_LAPSE_RATE"), d.SimulatedLapseRate, 0, 1),
            ReplayFile = r.Text(r.Offline("REPLAY_FILE")),
            ReplayAllowReversed = r.Bool(r.Offline("REPLAY_ALLOW_REVERSED"), d.ReplayAllowReversed),
            MaxAttempts = r.Int(Prefix + "QUEUE_MAX_ATTEMPTS", retries + 1, 1, 21),
            MaxConcurrency = r.Int(Prefix + "LLM_MAX_CONCURRENT_REQUESTS", d.MaxConcurrency, 1, 1024),
            QueueMaxSize = r.Int(Prefix + "QUEUE_MAX_SIZE", d.QueueMaxSize, 1, 10_000_000),
            QueueMaxMemoryMb = r.Int(Prefix + "QUEUE_MAX_MEMORY_MB", d.QueueMaxMemoryMb, 1, 1_000_000),
            QueueHighWatermark = r.Double(Prefix + "QUEUE_HIGH_WATERMARK", d.QueueHighWatermark, 0.01, 1),
            QueueLowWatermark = r.Double(Prefix + "QUEUE_LOW_WATERMARK", d.QueueLowWatermark, 0, 1),
            DefaultTtl = TimeSpan.FromHours(r.Double(Prefix + "QUEUE_REQUEST_TTL_HOURS", d.DefaultTtl.TotalHours, 1.0 / 60, 168)),
            PollInterval = TimeSpan.FromSeconds(r.Double(Prefix + "QUEUE_POLL_INTERVAL_SECONDS", d.PollInterval.TotalSeconds, 0.001, 3600)),
            RequestTimeout = TimeSpan.FromSeconds(r.Double(Prefix + "LLM_REQUEST_TIMEOUT", d.RequestTimeout.TotalSeconds, 0.001, 86_400)),
            RetryBaseDelay = TimeSpan.FromSeconds(r.Double(Prefix + "RETRY_BASE_DELAY_SECONDS", d.RetryBaseDelay.TotalSeconds, 0, 3600)),
            RetryMaxDelay = TimeSpan.FromSeconds(r.Double(Prefix + "RETRY_MAX_DELAY_SECONDS", d.RetryMaxDelay.TotalSeconds, 0, 86_400)),
            Seed = r.Long(Prefix + "SEED", d.Seed),
            DefaultTemperature = r.OptionalDouble(Prefix + "LLM_DEFAULT_TEMPERATURE", d.DefaultTemperature, 0, 2),
            DefaultMaxTokens = r.Int(Prefix + "LLM_DEFAULT_MAX_TOKENS", d.DefaultMaxTokens, 1, 1_000_000),
            EnablePromptCaching = r.Bool(Prefix + "ENABLE_PROMPT_CACHING", d.EnablePromptCaching),
            AllowedCallbackTopics = r.List(Prefix + "ALLOWED_CALLBACK_TOPICS") ?? d.AllowedCallbackTopics,
        };
        options.Validate();
        return options;
    }

    private static string? DataSourceOf(string? connectionString) =>
        connectionString is null ? null : new SqliteConnectionStringBuilder(connectionString).DataSource;

    private sealed class EnvReader(Func<string, string?> env)
    {
        public string? Text(string name) => env(name) is { } v && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;

        /// <summary>The prefixed name when it is set, else the bare one (the name reported in errors).</summary>
        public string Offline(string bare) => Text(Prefix + bare) is not null ? Prefix + bare : bare;

        public string[]? List(string name) =>
            Text(name)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        public bool Bool(string name, bool fallback) => Text(name)?.ToUpperInvariant() switch
        {
            null => fallback,
            "TRUE" or "1" or "YES" => true,
            "FALSE" or "0" or "NO" => false,
            var v => throw Bad(name, v, "true or false"),
        };

        public int Int(string name, int fallback, int min, int max) =>
            (int)Range(name, Text(name) is { } v ? Parse<long>(name, v, "an integer", NumberStyles.Integer, long.TryParse) : fallback, min, max);

        public long Long(string name, long fallback) =>
            Text(name) is { } v ? Parse<long>(name, v, "an integer", NumberStyles.Integer, long.TryParse) : fallback;

        public double Double(string name, double fallback, double min, double max) =>
            Range(name, Text(name) is { } v ? Parse<double>(name, v, "a number", NumberStyles.Float, double.TryParse) : fallback, min, max);

        public double? OptionalDouble(string name, double? fallback, double min, double max) =>
            Text(name) is { } v
                ? v.Equals("none", StringComparison.OrdinalIgnoreCase) ? null : Range(name, Parse<double>(name, v, "a number", NumberStyles.Float, double.TryParse), min, max)
                : fallback;

        private delegate bool TryParser<T>(string text, NumberStyles style, IFormatProvider provider, out T value);

        private static T Parse<T>(string name, string text, string what, NumberStyles style, TryParser<T> parse) =>
            parse(text, style, CultureInfo.InvariantCulture, out var value) ? value : throw Bad(name, text, what);

        private static double Range(string name, double value, double min, double max) =>
            double.IsFinite(value) && value >= min && value <= max
                ? value
                : throw Bad(name, value.ToString(CultureInfo.InvariantCulture), $"a value in [{min.ToString(CultureInfo.InvariantCulture)}, {max.ToString(CultureInfo.InvariantCulture)}]");

        private static ArgumentException Bad(string name, string value, string expected) =>
            new($"{name} must be {expected}, not '{value}'", name);
    }
}
