using System.Security.Cryptography;
using Cj.Assessment;
using Cj.Hosting;
using Cj.Hosting.Bus;
using Cj.LlmProvider;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cj.Runner.Execute;

/// <summary>
/// The embedded stack: the CJ Assessment Service and the LLM Provider Service in this process, each on its own
/// Kestrel listener at 127.0.0.1 on a free port, joined by the in-process event bus, with their SQLite files and
/// the bus journal in the run folder's <c>state/</c>, so a killed run can be resumed from them. Secrets (the admin signing key, the provider API token) are random per process and never
/// leave it; service settings still come from the usual environment variables.
/// </summary>
internal sealed class EmbeddedStack : IAsyncDisposable
{
    private const string Issuer = "eng5-np-runner-embedded";
    private const string Audience = "cj-assessment-service-embedded";
    private readonly WebApplication _llm;
    private readonly WebApplication _cj;
    private readonly InProcessEventBus _bus;

    private EmbeddedStack(InProcessEventBus bus, WebApplication llm, WebApplication cj, Uri cjUrl, string adminToken)
    {
        _bus = bus;
        _llm = llm;
        _cj = cj;
        CjUrl = cjUrl;
        AdminToken = adminToken;
    }

    public IEventBus Bus => _bus;

    /// <summary>Whether the bus (journal included) already holds the event <paramref name="eventId"/> on <paramref name="topic"/>.</summary>
    public bool HasPublished(string topic, Guid eventId) =>
        _bus.Snapshot(topic).Any(m => m.Headers.TryGetValue(EnvelopeMessages.EventIdHeader, out var id) && Guid.TryParse(id, out var g) && g == eventId);

    public Uri CjUrl { get; }

    public string AdminToken { get; }

    /// <summary>Calls in flight for an offline judge unless <see cref="ConcurrencyVariable"/> is set.</summary>
    public const int OfflineConcurrency = 64;

    private const string ConcurrencyVariable = LlmProviderOptions.Prefix + "LLM_MAX_CONCURRENT_REQUESTS";

    /// <summary>
    /// The provider service's options: the environment's, on the run's database and token, with the judge as default.
    /// An offline judge has no rate limit, so unless the environment sets it, it gets <see cref="OfflineConcurrency"/>
    /// calls in flight instead of the design's 8, which only added latency to every wave (ADR 0008).
    /// </summary>
    public static LlmProviderOptions ProviderOptions(Func<string, string?> environment, string provider, string databasePath, string apiToken)
    {
        var options = LlmProviderOptions.FromEnvironment(environment) with
        {
            DatabasePath = databasePath,
            ApiToken = apiToken,
            DefaultProvider = provider,
        };
        return provider is "mock" or "replay" or "simulated" && environment(ConcurrencyVariable) is null
            ? options with { MaxConcurrency = OfflineConcurrency }
            : options;
    }

    public static async Task<EmbeddedStack> StartAsync(
        string stateDirectory, string provider, Func<string, string?> environment, TimeProvider time, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(stateDirectory);
        var bus = InProcessEventBus.OpenDurable(Path.Combine(stateDirectory, "bus.db"), time, NullLogger<InProcessEventBus>.Instance);
        var apiToken = Secret();
        var signingKey = Secret();
        var llmOptions = ProviderOptions(environment, provider, Path.Combine(stateDirectory, "llm_provider.db"), apiToken);
        var llm = LlmProviderHost.Create(llmOptions, bus, time);
        await llm.StartAsync(cancellationToken).ConfigureAwait(false);
        var overrides = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["CJ_ASSESSMENT_SERVICE_DATABASE_PATH"] = Path.Combine(stateDirectory, "cj_assessment.db"),
            ["CJ_ASSESSMENT_SERVICE_LLM_PROVIDER_SERVICE_URL"] = llm.BoundAddress().ToString(),
            ["CJ_ASSESSMENT_SERVICE_LLM_PROVIDER_SERVICE_TOKEN"] = apiToken,
            ["CJ_ASSESSMENT_SERVICE_JWT_ISSUER"] = Issuer,
            ["CJ_ASSESSMENT_SERVICE_JWT_AUDIENCE"] = Audience,
            ["CJ_ASSESSMENT_SERVICE_JWT_SECRET_KEY"] = signingKey,
        };
        var cjOptions = CjAssessmentOptions.FromEnvironment(name => overrides.TryGetValue(name, out var value) ? value : environment(name));
        var cj = CjAssessmentHost.Create(cjOptions, bus, time);
        await cj.StartAsync(cancellationToken).ConfigureAwait(false);
        var adminToken = AdminTokens.Create(signingKey, Issuer, Audience, ["admin"], TimeSpan.FromHours(24), time);
        return new EmbeddedStack(bus, llm, cj, cj.BoundAddress(), adminToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _cj.StopAsync(CancellationToken.None).ConfigureAwait(false);
        await _cj.DisposeAsync().ConfigureAwait(false);
        await _llm.StopAsync(CancellationToken.None).ConfigureAwait(false);
        await _llm.DisposeAsync().ConfigureAwait(false);
        await _bus.DisposeAsync().ConfigureAwait(false);
    }

    private static string Secret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
}
