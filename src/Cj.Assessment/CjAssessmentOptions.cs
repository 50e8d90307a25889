using System.Text;
using Cj.Core.Grading;
using Cj.Core.Workflow;

namespace Cj.Assessment;

/// <summary>
/// Settings of the CJ Assessment Service, each with its env name (prefix <c>CJ_ASSESSMENT_SERVICE_</c>) and default.
/// <see cref="Validate"/> runs at start-up and names the variable in every error.
/// </summary>
public sealed record CjAssessmentOptions
{
    /// <summary>Env prefix of every setting.</summary>
    public const string Prefix = "CJ_ASSESSMENT_SERVICE_";

    /// <summary>SQLite file of the service (<c>DATABASE_PATH</c>, required).</summary>
    public required string DatabasePath { get; init; }

    /// <summary>Base URL of the LLM Provider Service, e.g. <c>http://127.0.0.1:5001</c> (<c>LLM_PROVIDER_SERVICE_URL</c>, required).</summary>
    public required string LlmProviderUrl { get; init; }

    /// <summary>Bearer token for the provider's <c>/api/v1</c> routes (<c>LLM_PROVIDER_SERVICE_TOKEN</c>); null sends none.</summary>
    public string? LlmProviderToken { get; init; }

    /// <summary>Required <c>iss</c> of admin tokens (<c>JWT_ISSUER</c>, default <c>huleedu-identity-service</c>).</summary>
    public string AdminIssuer { get; init; } = "huleedu-identity-service";

    /// <summary>Required <c>aud</c> of admin tokens (<c>JWT_AUDIENCE</c>, default <c>huleedu-cj-admin</c>).</summary>
    public string AdminAudience { get; init; } = "huleedu-cj-admin";

    /// <summary>HS256 secret of admin tokens, at least 32 UTF-8 bytes (<c>JWT_SECRET_KEY</c>, required; there is no default).</summary>
    public required string AdminSigningKey { get; init; }

    /// <summary>The engine settings of <c>20-cj-engine.md</c> §7.</summary>
    public EngineSettings Engine { get; init; } = EngineSettings.Default;

    /// <summary>Grade scale of guest runs (no assignment) (<c>DEFAULT_GRADE_SCALE</c>, default <c>eng5_np_legacy_9_step</c>).</summary>
    public string DefaultGradeScale { get; init; } = GradeScale.Eng5NpLegacy9Step.Name;

    /// <summary>Hours after creation when a batch gets <c>BatchDeadlineReached</c> (<c>BATCH_TIMEOUT_HOURS</c>, default 4).</summary>
    public double BatchTimeoutHours { get; init; } = 4;

    /// <summary>How often deadlines are checked (<c>DEADLINE_CHECK_INTERVAL_SECONDS</c>, default 1 s).</summary>
    public TimeSpan DeadlineCheckInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>HTTP tries per attempt on 503/5xx/connection errors before the attempt counts as failed (<c>PROVIDER_HTTP_TRIES</c>, default 6).</summary>
    public int ProviderHttpTries { get; init; } = 6;

    /// <summary>Largest wait between HTTP tries (<c>PROVIDER_HTTP_MAX_BACKOFF_SECONDS</c>, default 10 s); the first wait is 1/32 of it.</summary>
    public TimeSpan ProviderHttpMaxBackoff { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Concurrent POSTs to the provider (<c>PROVIDER_HTTP_CONCURRENCY</c>, default 16).</summary>
    public int ProviderHttpConcurrency { get; init; } = 16;

    /// <summary>
    /// Attempts sent in one <c>POST /api/v1/comparisons</c> (<c>PROVIDER_BATCH_SIZE</c>, default 50, at most 500; 1 sends
    /// each on its own to <c>POST /api/v1/comparison</c>). ADR 0008.
    /// </summary>
    public int ProviderBatchSize { get; init; } = 50;

    /// <summary>Start-up warnings found while reading the environment (accepted and ignored settings).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>Builds the options from environment variables; see <see cref="OptionsEnvironment"/>.</summary>
    public static CjAssessmentOptions FromEnvironment(Func<string, string?> environment) =>
        OptionsEnvironment.Read(environment);

    /// <summary>Throws <see cref="InvalidOperationException"/> naming the first invalid setting's variable.</summary>
    public void Validate()
    {
        Require(!string.IsNullOrWhiteSpace(DatabasePath), "DATABASE_PATH", "is required");
        Require(Uri.TryCreate(LlmProviderUrl, UriKind.Absolute, out var url) && url.Scheme is "http" or "https", "LLM_PROVIDER_SERVICE_URL", "must be an absolute http(s) URL");
        Require(!string.IsNullOrWhiteSpace(AdminIssuer), "JWT_ISSUER", "is required");
        Require(!string.IsNullOrWhiteSpace(AdminAudience), "JWT_AUDIENCE", "is required");
        Require(AdminSigningKey is not null && Encoding.UTF8.GetByteCount(AdminSigningKey) >= 32, "JWT_SECRET_KEY", "is required and must be at least 32 bytes (the value is not shown)");
        Require(GradeScale.KnownNames.Contains(DefaultGradeScale), "DEFAULT_GRADE_SCALE", $"must be one of {string.Join(", ", GradeScale.KnownNames)}");
        Require(BatchTimeoutHours > 0 && double.IsFinite(BatchTimeoutHours), "BATCH_TIMEOUT_HOURS", "must be a positive number");
        Require(DeadlineCheckInterval > TimeSpan.Zero, "DEADLINE_CHECK_INTERVAL_SECONDS", "must be positive");
        Require(ProviderHttpTries >= 1, "PROVIDER_HTTP_TRIES", "must be at least 1");
        Require(ProviderHttpMaxBackoff > TimeSpan.Zero, "PROVIDER_HTTP_MAX_BACKOFF_SECONDS", "must be positive");
        Require(ProviderHttpConcurrency >= 1, "PROVIDER_HTTP_CONCURRENCY", "must be at least 1");
        Require(ProviderBatchSize is >= 1 and <= 500, "PROVIDER_BATCH_SIZE", "must be in [1, 500]");
        EngineSettingsReader.Validate(Engine);
    }

    /// <summary>Never prints the secrets.</summary>
    public override string ToString() =>
        $"CjAssessmentOptions {{ DatabasePath = {DatabasePath}, LlmProviderUrl = {LlmProviderUrl}, AdminIssuer = {AdminIssuer}, AdminAudience = {AdminAudience}, DefaultGradeScale = {DefaultGradeScale}, BatchTimeoutHours = {BatchTimeoutHours} }}";

    internal static void Require(bool condition, string name, string message)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"{Prefix}{name} {message}.");
        }
    }
}
