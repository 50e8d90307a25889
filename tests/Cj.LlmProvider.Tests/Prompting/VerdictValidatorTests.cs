using Cj.LlmProvider.Prompting;

namespace Cj.LlmProvider.Tests.Prompting;

public sealed class VerdictValidatorTests
{
    [Theory]
    [InlineData("""{"winner":"Essay A","justification":"Clearer.","confidence":4}""", "Essay A", 4.0)]
    [InlineData("""{"winner":"  essay b ","justification":"Better evidence.","confidence":1}""", "Essay B", 1.0)]
    [InlineData("""{"winner":"ESSAY A","justification":"x","confidence":5.0,"extra":true}""", "Essay A", 5.0)]
    [InlineData("""{"winner":"Essay B","justification":"x","confidence":2.75}""", "Essay B", 2.75)]
    public void A_valid_answer_gives_the_canonical_winner_and_the_confidence_unchanged(string content, string winner, double confidence)
    {
        var check = VerdictValidator.Validate(content);

        Assert.True(check.IsValid, check.InvalidReason);
        Assert.Equal(winner, check.Verdict!.Winner);
        Assert.Equal(confidence, check.Verdict.Confidence);
    }

    [Theory]
    [InlineData(null, "empty")]
    [InlineData("", "empty")]
    [InlineData("The winner is Essay A.", "not_json")]
    [InlineData("""{"winner": "Essay A", "justification": "cut""", "not_json")]
    [InlineData("""["Essay A"]""", "not_object")]
    [InlineData("""{"justification":"x","confidence":3}""", "missing_winner")]
    [InlineData("""{"winner":null,"justification":"x","confidence":3}""", "invalid_winner")]
    [InlineData("""{"winner":"A","justification":"x","confidence":3}""", "invalid_winner")]
    [InlineData("""{"winner":"Essay C","justification":"x","confidence":3}""", "invalid_winner")]
    [InlineData("""{"winner":"Essay A and B","justification":"x","confidence":3}""", "invalid_winner")]
    [InlineData("""{"winner":1,"justification":"x","confidence":3}""", "invalid_winner")]
    [InlineData("""{"winner":"Essay A","justification":"x"}""", "invalid_confidence")]
    [InlineData("""{"winner":"Essay A","justification":"x","confidence":"4"}""", "invalid_confidence")]
    [InlineData("""{"winner":"Essay A","justification":"x","confidence":0.99}""", "confidence_out_of_range")]
    [InlineData("""{"winner":"Essay A","justification":"x","confidence":7}""", "confidence_out_of_range")]
    [InlineData("""{"winner":"Essay A","justification":"  ","confidence":3}""", "invalid_justification")]
    [InlineData("""{"winner":"Essay A","confidence":3}""", "invalid_justification")]
    public void An_invalid_answer_is_never_a_verdict(string? content, string reason)
    {
        var check = VerdictValidator.Validate(content);

        Assert.False(check.IsValid);
        Assert.Null(check.Verdict);
        Assert.Equal(reason, check.InvalidReason);
    }

    [Fact]
    public void A_long_justification_is_cut_to_fifty_words_and_flagged()
    {
        var words = string.Join(' ', Enumerable.Range(1, 60).Select(i => $"w{i}"));
        var check = VerdictValidator.Validate($$"""{"winner":"Essay A","justification":"{{words}}","confidence":3}""");

        Assert.True(check.Verdict!.JustificationTruncated);
        Assert.Equal(50, check.Verdict.Justification.Split(' ').Length);
        Assert.EndsWith("w50", check.Verdict.Justification, StringComparison.Ordinal);
    }

    [Fact]
    public void A_justification_of_fifty_words_is_kept_whole()
    {
        var words = string.Join(' ', Enumerable.Range(1, 50).Select(i => $"w{i}"));
        var check = VerdictValidator.Validate($$"""{"winner":"Essay B","justification":"{{words}}","confidence":3}""");

        Assert.False(check.Verdict!.JustificationTruncated);
        Assert.Equal(words, check.Verdict.Justification);
    }
}
