using Cj.Runner.Execute;

namespace Cj.Runner.Tests.Execute;

public sealed class EmbeddedStackTests
{
    [Theory]
    [InlineData("mock", null, EmbeddedStack.OfflineConcurrency)]
    [InlineData("simulated", null, EmbeddedStack.OfflineConcurrency)]
    [InlineData("replay", null, EmbeddedStack.OfflineConcurrency)]
    [InlineData("mock", "3", 3)]
    [InlineData("openai", null, 8)]
    public void Offline_judges_get_more_calls_in_flight_unless_the_environment_says_otherwise(string provider, string? configured, int expected)
    {
        var environment = new Dictionary<string, string> { ["LLM_PROVIDER_SERVICE_LLM_MAX_CONCURRENT_REQUESTS"] = configured ?? "" };
        string? Get(string name) => environment.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

        var options = EmbeddedStack.ProviderOptions(Get, provider, "/tmp/unused/llm_provider.db", "token");

        Assert.Equal(expected, options.MaxConcurrency);
        Assert.Equal((provider, "token", "/tmp/unused/llm_provider.db"), (options.DefaultProvider, options.ApiToken, options.DatabasePath));
    }
}
