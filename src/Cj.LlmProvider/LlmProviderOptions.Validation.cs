using Cj.LlmProvider.Providers;

namespace Cj.LlmProvider;

public sealed partial record LlmProviderOptions
{
    /// <summary>
    /// Checks the options as a whole (start-up fails on a bad configuration): ranges, the default provider being an
    /// offline one that is configured, the files it needs existing, and the mock's error kinds being known.
    /// </summary>
    public void Validate()
    {
        Require(!string.IsNullOrWhiteSpace(DatabasePath), nameof(DatabasePath), "must name a file");
        Require(MaxAttempts is >= 1 and <= 21, nameof(MaxAttempts), "must be in [1, 21]");
        Require(MaxConcurrency is >= 1 and <= 1024, nameof(MaxConcurrency), "must be in [1, 1024]");
        Require(QueueMaxSize >= 1 && QueueMaxMemoryMb >= 1, nameof(QueueMaxSize), "must be positive");
        Require(QueueLowWatermark <= QueueHighWatermark && QueueHighWatermark <= 1, nameof(QueueLowWatermark), "must be ≤ the high watermark ≤ 1");
        Require(PollInterval > TimeSpan.Zero && RequestTimeout > TimeSpan.Zero, nameof(PollInterval), "must be positive");
        Require(RetryBaseDelay >= TimeSpan.Zero && RetryMaxDelay >= RetryBaseDelay, nameof(RetryMaxDelay), "must be ≥ the base delay ≥ 0");
        Require(DefaultTtl >= TimeSpan.FromSeconds(60), nameof(DefaultTtl), "must be at least 60 s");
        Require(AllowedCallbackTopics.Count > 0, nameof(AllowedCallbackTopics), "must name at least one topic");
        Require(MockStrategy is MockProvider.RequestHash or MockProvider.EssayHash, nameof(MockStrategy), "must be request_hash or essay_hash");
        foreach (var code in MockErrorCodes)
        {
            Require(MockProvider.ErrorKinds.Contains(code), nameof(MockErrorCodes), $"has an unknown kind '{code}'");
        }

        Require(MockErrorCodes.Count > 0 || MockErrorRate == 0, nameof(MockErrorCodes), "must not be empty with an error rate");
        Require(ProviderNames.Offline.Contains(DefaultProvider) || ProviderNames.Remote.Contains(DefaultProvider), nameof(DefaultProvider), $"'{DefaultProvider}' is not a provider");
        Require(!ProviderNames.Remote.Contains(DefaultProvider), nameof(DefaultProvider), $"'{DefaultProvider}' is not configured (remote providers are not available yet)");
        Require(AllowMockProvider, nameof(AllowMockProvider), "false leaves no provider (only offline providers are available)");
        Require(DefaultProvider != ProviderNames.Simulated || SimulatedAbilitiesFile is not null, nameof(SimulatedAbilitiesFile), "is required by the simulated provider");
        Require(DefaultProvider != ProviderNames.Replay || ReplayFile is not null, nameof(ReplayFile), "is required by the replay provider");
        RequireFile(SimulatedAbilitiesFile, nameof(SimulatedAbilitiesFile));
        RequireFile(ReplayFile, nameof(ReplayFile));
    }

    private static void Require(bool condition, string name, string message)
    {
        if (!condition)
        {
            throw new ArgumentException($"{name} {message}", name);
        }
    }

    private static void RequireFile(string? path, string name) =>
        Require(path is null || File.Exists(path), name, $"names a file that does not exist: {path}");
}
