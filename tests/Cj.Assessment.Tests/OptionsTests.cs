using Cj.Core.Pairing;
using Cj.Core.Workflow;

namespace Cj.Assessment.Tests;

public sealed class OptionsTests
{
    private static readonly Dictionary<string, string> Required = new()
    {
        ["CJ_ASSESSMENT_SERVICE_DATABASE_PATH"] = "/tmp/cj.db",
        ["CJ_ASSESSMENT_SERVICE_LLM_PROVIDER_SERVICE_URL"] = "http://127.0.0.1:5001",
        ["CJ_ASSESSMENT_SERVICE_JWT_SECRET_KEY"] = "a-secret-that-is-long-enough-0123456789",
    };

    [Fact]
    public void Engine_settings_are_read_from_their_seed_names()
    {
        var options = Read(new()
        {
            ["CJ_ASSESSMENT_SERVICE_MAX_PAIRWISE_COMPARISONS"] = "120",
            ["CJ_ASSESSMENT_SERVICE_SCORE_STABILITY_THRESHOLD"] = "0.025",
            ["CJ_ASSESSMENT_SERVICE_LLM_BATCHING_MODE"] = "provider_batch_api",
            ["CJ_ASSESSMENT_SERVICE_PAIR_MATCHING_STRATEGY"] = "optimal_graph",
            ["CJ_ASSESSMENT_SERVICE_BATCH_TIMEOUT_HOURS"] = "2",
            ["CJ_ASSESSMENT_SERVICE_PAIR_ORIENTATION_STRATEGY"] = "fair",
        });
        Assert.Equal(120, options.Engine.MaxPairwiseComparisons);
        Assert.Equal(0.025, options.Engine.ScoreStabilityThreshold);
        Assert.Equal(BatchingMode.ProviderBatchApi, options.Engine.BatchingMode);
        Assert.Equal(PairMatchingStrategy.Original, options.Engine.Pairing.Strategy);
        Assert.Equal(2, options.BatchTimeoutHours);
        Assert.Contains(options.Warnings, w => w.Contains("PAIR_ORIENTATION_STRATEGY", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("CJ_ASSESSMENT_SERVICE_JWT_SECRET_KEY", "short")]
    [InlineData("CJ_ASSESSMENT_SERVICE_JWT_SECRET_KEY", "")]
    [InlineData("CJ_ASSESSMENT_SERVICE_LLM_PROVIDER_SERVICE_URL", "not a url")]
    [InlineData("CJ_ASSESSMENT_SERVICE_MIN_SUCCESS_RATE_THRESHOLD", "1.5")]
    [InlineData("CJ_ASSESSMENT_SERVICE_MAX_RETRY_ATTEMPTS", "three")]
    [InlineData("CJ_ASSESSMENT_SERVICE_LLM_BATCHING_MODE", "bundled")]
    public void A_bad_setting_fails_at_start_naming_its_variable(string name, string value)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Read(new() { [name] = value }));
        Assert.StartsWith(name, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Required["CJ_ASSESSMENT_SERVICE_JWT_SECRET_KEY"], error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_options_text_never_shows_the_secret()
    {
        var options = Read([]);
        Assert.DoesNotContain(options.AdminSigningKey, options.ToString(), StringComparison.Ordinal);
    }

    private static CjAssessmentOptions Read(Dictionary<string, string> overrides)
    {
        var all = new Dictionary<string, string>(Required);
        foreach (var (key, value) in overrides)
        {
            all[key] = value;
        }

        return CjAssessmentOptions.FromEnvironment(name => all.GetValueOrDefault(name));
    }
}
