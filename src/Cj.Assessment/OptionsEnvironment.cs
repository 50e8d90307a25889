using System.Globalization;

namespace Cj.Assessment;

/// <summary>Reads <see cref="CjAssessmentOptions"/> from <c>CJ_ASSESSMENT_SERVICE_*</c> variables; a bad value names its variable.</summary>
internal static class OptionsEnvironment
{
    public static CjAssessmentOptions Read(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        string? Get(string name) => environment(CjAssessmentOptions.Prefix + name) is { Length: > 0 } value ? value.Trim() : null;

        var defaults = new CjAssessmentOptions { DatabasePath = "", LlmProviderUrl = "", AdminSigningKey = "" };
        var (engine, warnings) = EngineSettingsReader.Read(Get);
        var options = defaults with
        {
            DatabasePath = Get("DATABASE_PATH") ?? "",
            LlmProviderUrl = Get("LLM_PROVIDER_SERVICE_URL") ?? "",
            LlmProviderToken = Get("LLM_PROVIDER_SERVICE_TOKEN"),
            AdminIssuer = Get("JWT_ISSUER") ?? defaults.AdminIssuer,
            AdminAudience = Get("JWT_AUDIENCE") ?? defaults.AdminAudience,
            AdminSigningKey = environment(CjAssessmentOptions.Prefix + "JWT_SECRET_KEY") ?? "",
            Engine = engine,
            DefaultGradeScale = Get("DEFAULT_GRADE_SCALE") ?? defaults.DefaultGradeScale,
            BatchTimeoutHours = Number(Get, "BATCH_TIMEOUT_HOURS") ?? defaults.BatchTimeoutHours,
            DeadlineCheckInterval = Seconds(Get, "DEADLINE_CHECK_INTERVAL_SECONDS") ?? defaults.DeadlineCheckInterval,
            ProviderHttpTries = Integer(Get, "PROVIDER_HTTP_TRIES") ?? defaults.ProviderHttpTries,
            ProviderHttpMaxBackoff = Seconds(Get, "PROVIDER_HTTP_MAX_BACKOFF_SECONDS") ?? defaults.ProviderHttpMaxBackoff,
            ProviderHttpConcurrency = Integer(Get, "PROVIDER_HTTP_CONCURRENCY") ?? defaults.ProviderHttpConcurrency,
            ProviderBatchSize = Integer(Get, "PROVIDER_BATCH_SIZE") ?? defaults.ProviderBatchSize,
            Warnings = warnings,
        };
        options.Validate();
        return options;
    }

    public static int? Integer(Func<string, string?> get, string name) =>
        get(name) is { } text
            ? int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : throw Bad(name, "an integer")
            : null;

    public static ulong? UnsignedLong(Func<string, string?> get, string name) =>
        get(name) is { } text
            ? ulong.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : throw Bad(name, "a non-negative integer")
            : null;

    public static double? Number(Func<string, string?> get, string name) =>
        get(name) is { } text
            ? double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) ? value : throw Bad(name, "a number")
            : null;

    public static TEnum? Choice<TEnum>(Func<string, string?> get, string name, IReadOnlyDictionary<string, TEnum> choices)
        where TEnum : struct, Enum =>
        get(name) is { } text
            ? choices.TryGetValue(text.ToLowerInvariant(), out var value) ? value : throw Bad(name, "one of " + string.Join(", ", choices.Keys))
            : null;

    private static TimeSpan? Seconds(Func<string, string?> get, string name) =>
        Number(get, name) is { } seconds ? TimeSpan.FromSeconds(seconds) : null;

    private static InvalidOperationException Bad(string name, string expected) =>
        new($"{CjAssessmentOptions.Prefix}{name} must be {expected}.");
}
