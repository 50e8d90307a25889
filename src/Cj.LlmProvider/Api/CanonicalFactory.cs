using Cj.Contracts;
using Cj.LlmProvider.Prompting;

namespace Cj.LlmProvider.Api;

/// <summary>
/// Builds the canonical request of an admitted comparison (design §6, §7): the resolved provider and model, the
/// system prompt (override or the embedded default), the blocks (cacheable ones with their TTL, default
/// <c>5m</c>), and the effective parameters: the override, else the configured default, else none. Presence
/// decides, not truthiness: a temperature of 0.0 is a value.
/// </summary>
internal static class CanonicalFactory
{
    public static CanonicalRequest Build(LlmComparisonRequest body, string provider, string model, LlmProviderOptions options)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(options);
        var o = body.LlmConfigOverrides;
        var system = string.IsNullOrWhiteSpace(o?.SystemPromptOverride) ? PromptAssembler.DefaultSystemPrompt : o.SystemPromptOverride;
        var blocks = body.PromptBlocks
            .Select(b => new CanonicalBlock(b.Kind, b.Content, b.Cacheable, b.Cacheable ? b.Ttl ?? "5m" : null))
            .ToList();
        return new CanonicalRequest(
            PromptAssembler.FormatVersion,
            provider,
            model,
            system,
            blocks,
            o?.TemperatureOverride ?? options.DefaultTemperature,
            o?.MaxTokensOverride ?? options.DefaultMaxTokens,
            o?.ReasoningEffort,
            o?.OutputVerbosity,
            new Dictionary<string, string>(StringComparer.Ordinal),
            options.EnablePromptCaching);
    }
}
