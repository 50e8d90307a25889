using Cj.LlmProvider.Prompting;
using Cj.LlmProvider.Providers;
using Cj.LlmProvider.Resilience;
using Cj.LlmProvider.Tests.Support;

namespace Cj.LlmProvider.Tests.Providers;

public sealed class MockProviderTests
{
    private static MockProvider Mock(LlmProviderOptions? options = null) => new(options ?? new LlmProviderOptions(), TimeProvider.System);

    [Fact]
    public async Task Equal_seeds_give_equal_answers_and_the_winner_rate_is_about_one_half()
    {
        var calls = Calls.Many(400).ToList();
        var first = new List<string?>();
        var second = new List<string?>();
        foreach (var call in calls)
        {
            first.Add((await Mock().CallAsync(call, default)).Content);
            second.Add((await Mock().CallAsync(call, default)).Content);
        }

        Assert.Equal(first, second);
        var verdicts = first.Select(c => VerdictValidator.Validate(c).Verdict!).ToList();
        Assert.InRange(verdicts.Count(v => v.Winner == "Essay A"), 160, 240);
        Assert.All(verdicts, v => Assert.InRange(v.Confidence, 3.0, 5.0));
    }

    [Fact]
    public async Task Another_seed_gives_other_verdicts()
    {
        var calls = Calls.Many(50).ToList();
        var a = await Task.WhenAll(calls.Select(c => Mock().CallAsync(c, default)));
        var b = await Task.WhenAll(calls.Select(c => Mock(new LlmProviderOptions { MockSeed = 7 }).CallAsync(c, default)));

        Assert.NotEqual(a.Select(x => x.Content), b.Select(x => x.Content));
    }

    [Fact]
    public async Task The_essay_hash_strategy_is_transitive_and_ignores_the_order_of_the_request()
    {
        var options = new LlmProviderOptions { MockStrategy = MockProvider.EssayHash };
        var essays = Enumerable.Range(0, 8).Select(i => $"Essay number {i}.").ToList();
        var wins = new int[essays.Count];
        for (var i = 0; i < essays.Count; i++)
        {
            for (var j = 0; j < essays.Count; j++)
            {
                if (i != j)
                {
                    var verdict = VerdictValidator.Validate((await Mock(options).CallAsync(Calls.Make(essays[i], essays[j]), default)).Content).Verdict!;
                    wins[verdict.Winner == "Essay A" ? i : j]++;
                }
            }
        }

        // A strict total order: each essay beats the same set in both positions, so win counts are 2·(0…7).
        Assert.Equal(Enumerable.Range(0, 8).Select(k => 2 * k), wins.Order());
    }

    [Fact]
    public async Task Errors_are_provider_style_answers_that_the_classifier_maps_to_retryable_codes()
    {
        var options = new LlmProviderOptions { MockErrorRate = 1.0 };
        var codes = new HashSet<string>();
        foreach (var call in Calls.Many(80))
        {
            var answer = await Mock(options).CallAsync(call, default);
            var outcome = AnswerClassifier.Classify(answer);
            Assert.False(outcome.Succeeded);
            Assert.Equal(RetryClass.Backoff, outcome.Retry);
            codes.Add(outcome.ErrorCode!);
        }

        Assert.Equal(new HashSet<string> { "RATE_LIMIT", "PROVIDER_UNAVAILABLE", "TIMEOUT" }, codes);
    }

    [Fact]
    public async Task Malformed_answers_are_never_a_verdict()
    {
        var options = new LlmProviderOptions { MockMalformedRate = 1.0 };
        var reasons = new HashSet<string>();
        foreach (var call in Calls.Many(120))
        {
            var answer = await Mock(options).CallAsync(call, default);
            var outcome = AnswerClassifier.Classify(answer);
            Assert.Null(outcome.Verdict);
            Assert.Equal("INVALID_RESPONSE", outcome.ErrorCode);
            Assert.True(answer.Usage.PromptTokens > 0, "a malformed answer was billed");
            reasons.Add(outcome.InvalidReason!);
        }

        Assert.Superset(new HashSet<string> { "not_json", "missing_winner", "invalid_winner", "confidence_out_of_range" }, reasons);
    }

    [Fact]
    public async Task Tokens_are_characters_over_four()
    {
        var call = Calls.Make();
        var answer = await Mock().CallAsync(call, default);

        Assert.Equal(call.Prompt.Length / 4, answer.Usage.PromptTokens);
        Assert.Equal(answer.Content!.Length / 4, answer.Usage.CompletionTokens);
    }

    [Fact]
    public async Task Latency_waits_on_the_time_provider()
    {
        var time = new ManualTimeProvider(DateTimeOffset.UnixEpoch);
        var mock = new MockProvider(new LlmProviderOptions { MockLatencyMs = 1500 }, time);

        var pending = mock.CallAsync(Calls.Make(), default);
        Assert.False(pending.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1499));
        Assert.False(pending.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1));
        var answer = await pending;

        Assert.Equal(TimeSpan.FromMilliseconds(1500), answer.Latency);
    }
}
