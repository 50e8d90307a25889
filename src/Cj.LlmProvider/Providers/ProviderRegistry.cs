namespace Cj.LlmProvider.Providers;

/// <summary>The outcome of resolving a request's provider and model (design §4.1); <see cref="ErrorCode"/> is a 400 code.</summary>
internal sealed record ProviderResolution(ILlmProvider? Provider, string? Model, string? ErrorCode, string? Message);

/// <summary>
/// The configured providers. Offline ones are built from the options at start-up (their files read once, so a bad
/// file fails start-up); remote ones are not available in this build and resolve to <c>provider_not_configured</c>.
/// </summary>
internal sealed class ProviderRegistry
{
    private readonly Dictionary<string, ILlmProvider> providers = new(StringComparer.Ordinal);
    private readonly LlmProviderOptions options;

    public ProviderRegistry(LlmProviderOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options;
        providers[ProviderNames.Mock] = new MockProvider(options, time);
        if (options.SimulatedAbilitiesFile is { } abilities)
        {
            providers[ProviderNames.Simulated] = new SimulatedProvider(options, AbilityTable.Load(abilities));
        }

        if (options.ReplayFile is { } replay)
        {
            providers[ProviderNames.Replay] = new ReplayProvider(options, ReplayBook.Load(replay));
        }
    }

    /// <summary>Adds or replaces a provider (tests use it to script answers).</summary>
    public void Register(ILlmProvider provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        providers[provider.Name] = provider;
    }

    public ILlmProvider? Find(string name) => providers.GetValueOrDefault(name);

    public ProviderResolution Resolve(string? providerOverride, string? modelOverride)
    {
        var name = string.IsNullOrWhiteSpace(providerOverride) ? options.DefaultProvider : providerOverride.Trim();
        if (providers.TryGetValue(name, out var provider))
        {
            if (!options.AllowMockProvider && ProviderNames.Offline.Contains(name))
            {
                return new(null, null, "offline_provider_not_allowed", $"offline provider '{name}' is not allowed here");
            }

            var model = !string.IsNullOrWhiteSpace(modelOverride) ? modelOverride.Trim()
                : name == options.DefaultProvider && options.DefaultModel is { } d ? d
                : provider.DefaultModel;
            return new(provider, model, null, null);
        }

        return ProviderNames.Offline.Contains(name) || ProviderNames.Remote.Contains(name)
            ? new(null, null, "provider_not_configured", $"provider '{name}' is not configured")
            : new(null, null, "unknown_provider", $"'{name}' is not a provider");
    }
}
