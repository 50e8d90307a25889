namespace Cj.LlmProvider.Tests;

public sealed class LlmProviderOptionsTests
{
    private static LlmProviderOptions Read(params (string Name, string Value)[] variables)
    {
        var env = variables.ToDictionary(v => v.Name, v => v.Value);
        return LlmProviderOptions.FromEnvironment(name => env.GetValueOrDefault(name));
    }

    [Fact]
    public void An_empty_environment_gives_the_documented_defaults()
    {
        var options = Read();

        Assert.Equal(new LlmProviderOptions() with { MockErrorCodes = options.MockErrorCodes, AllowedCallbackTopics = options.AllowedCallbackTopics }, options);
        Assert.Equal("mock", options.DefaultProvider);
        Assert.Equal(42, options.MockSeed);
        Assert.Equal(3, options.MaxAttempts);
        Assert.Equal(8, options.MaxConcurrency);
        Assert.Equal(1000, options.QueueMaxSize);
        Assert.Equal(["huleedu.llm_provider.comparison_result.v1"], options.AllowedCallbackTopics);
        Assert.Null(options.ApiToken);
    }

    [Fact]
    public void Variables_are_read_with_the_prefix_and_offline_ones_also_bare()
    {
        var options = Read(
            ("LLM_PROVIDER_SERVICE_DATABASE_PATH", "/tmp/x.db"),
            ("LLM_PROVIDER_SERVICE_API_TOKEN", "secret-token"),
            ("LLM_PROVIDER_SERVICE_QUEUE_MAX_RETRIES", "4"),
            ("LLM_PROVIDER_SERVICE_LLM_MAX_CONCURRENT_REQUESTS", "2"),
            ("LLM_PROVIDER_SERVICE_ALLOWED_CALLBACK_TOPICS", "a.v1, b.v1"),
            ("LLM_PROVIDER_SERVICE_LLM_DEFAULT_TEMPERATURE", "none"),
            ("MOCK_SEED", "7"),
            ("LLM_PROVIDER_SERVICE_MOCK_ERROR_RATE", "0.3"),
            ("MOCK_ERROR_CODES", "429,malformed"),
            ("SIMULATED_SCALE", "1.7"));

        Assert.Equal("/tmp/x.db", options.DatabasePath);
        Assert.Equal("secret-token", options.ApiToken);
        Assert.Equal(5, options.MaxAttempts);
        Assert.Equal(2, options.MaxConcurrency);
        Assert.Equal(["a.v1", "b.v1"], options.AllowedCallbackTopics);
        Assert.Null(options.DefaultTemperature);
        Assert.Equal(7, options.MockSeed);
        Assert.Equal(0.3, options.MockErrorRate);
        Assert.Equal(["429", "malformed"], options.MockErrorCodes);
        Assert.Equal(1.7, options.SimulatedScale);
    }

    [Theory]
    [InlineData("MOCK_ERROR_RATE", "1.5")]
    [InlineData("MOCK_ERROR_RATE", "lots")]
    [InlineData("MOCK_SEED", "4.2")]
    [InlineData("MOCK_STRATEGY", "random")]
    [InlineData("MOCK_ERROR_CODES", "418")]
    [InlineData("LLM_PROVIDER_SERVICE_LLM_MAX_CONCURRENT_REQUESTS", "0")]
    [InlineData("LLM_PROVIDER_SERVICE_USE_MOCK_LLM", "maybe")]
    [InlineData("LLM_PROVIDER_SERVICE_DEFAULT_PROVIDER", "openai")]
    [InlineData("LLM_PROVIDER_SERVICE_DEFAULT_PROVIDER", "nonsense")]
    [InlineData("SIMULATED_ABILITIES_FILE", "/no/such/file.csv")]
    public void A_bad_value_throws_naming_the_variable_or_option(string name, string value)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => Read((name, value)));

        var bare = name.Replace("LLM_PROVIDER_SERVICE_", "", StringComparison.Ordinal);
        var option = bare switch
        {
            "MOCK_STRATEGY" => "MockStrategy",
            "MOCK_ERROR_CODES" => "MockErrorCodes",
            "DEFAULT_PROVIDER" => "DefaultProvider",
            "SIMULATED_ABILITIES_FILE" => "SimulatedAbilitiesFile",
            _ => name,
        };
        Assert.Contains(option, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_simulated_default_needs_an_abilities_file()
    {
        var error = Assert.Throws<ArgumentException>(() => Read(("LLM_PROVIDER_SERVICE_DEFAULT_PROVIDER", "simulated")));

        Assert.Contains("SimulatedAbilitiesFile", error.Message, StringComparison.Ordinal);
    }
}
