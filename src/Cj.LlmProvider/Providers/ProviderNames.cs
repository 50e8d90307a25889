namespace Cj.LlmProvider.Providers;

/// <summary>Provider names (contracts §4): the offline ones served here and the remote ones not configured yet.</summary>
internal static class ProviderNames
{
    public const string Mock = "mock";
    public const string Simulated = "simulated";
    public const string Replay = "replay";

    public static readonly IReadOnlySet<string> Offline = new HashSet<string>(StringComparer.Ordinal) { Mock, Simulated, Replay };

    public static readonly IReadOnlySet<string> Remote = new HashSet<string>(StringComparer.Ordinal)
    {
        "openai", "anthropic", "google", "openrouter", "openai_compatible",
    };
}
