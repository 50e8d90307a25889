using Cj.LlmProvider.Prompting;
using Cj.LlmProvider.Providers;
using Cj.LlmProvider.Tests.Support;

namespace Cj.LlmProvider.Tests.Providers;

public sealed class SimulatedProviderTests : IDisposable
{
    private readonly TempFiles files = new();

    public void Dispose() => files.Dispose();

    private SimulatedProvider Simulated(LlmProviderOptions options, string csv = "essay_id,ability\nstrong,2.0\nweak,-2.0\nmid,0.0\n") =>
        new(options, AbilityTable.Load(files.Write("abilities.csv", csv)));

    private static async Task<double> ShareAWins(SimulatedProvider provider, EssayRefs essays, int n = 600)
    {
        var wins = 0;
        foreach (var call in Calls.Many(n, essays))
        {
            wins += VerdictValidator.Validate((await provider.CallAsync(call, default)).Content).Verdict!.Winner == "Essay A" ? 1 : 0;
        }

        return wins / (double)n;
    }

    [Fact]
    public async Task The_stronger_essay_wins_about_as_often_as_the_logistic_model_says()
    {
        var judge = Simulated(new LlmProviderOptions());

        // σ(4) = 0.982, σ(2) = 0.881.
        Assert.InRange(await ShareAWins(judge, new EssayRefs("strong", "weak", null, null)), 0.95, 1.0);
        Assert.InRange(await ShareAWins(judge, new EssayRefs("weak", "strong", null, null)), 0.0, 0.05);
        Assert.InRange(await ShareAWins(judge, new EssayRefs("strong", "mid", null, null)), 0.83, 0.93);
    }

    [Fact]
    public async Task Position_bias_favours_essay_a_and_lapses_pull_towards_a_coin_flip()
    {
        var biased = Simulated(new LlmProviderOptions { SimulatedPositionBias = 1.0 });
        var lapsing = Simulated(new LlmProviderOptions { SimulatedLapseRate = 1.0 });

        Assert.InRange(await ShareAWins(biased, new EssayRefs("mid", "mid", null, null)), 0.66, 0.80);
        Assert.InRange(await ShareAWins(lapsing, new EssayRefs("strong", "weak", null, null)), 0.43, 0.57);
    }

    [Fact]
    public async Task Confidence_grows_with_the_ability_gap()
    {
        var judge = Simulated(new LlmProviderOptions());
        var near = VerdictValidator.Validate((await judge.CallAsync(Calls.Make(essays: new EssayRefs("mid", "mid", null, null)), default)).Content).Verdict!;
        var far = VerdictValidator.Validate((await judge.CallAsync(Calls.Make(essays: new EssayRefs("strong", "weak", null, null)), default)).Content).Verdict!;

        Assert.Equal(1.0, near.Confidence);
        Assert.Equal(Math.Round(1 + (4 * Math.Abs((2 * Cj.Core.Logistic.Sigma(4)) - 1)), 4), far.Confidence);
    }

    [Fact]
    public async Task An_essay_without_an_ability_is_the_error_simulated_unknown_essay()
    {
        var answer = await Simulated(new LlmProviderOptions()).CallAsync(Calls.Make(essays: new EssayRefs("strong", "nobody", null, null)), default);

        Assert.Equal(FinishReason.ProviderError, answer.Finish);
        Assert.Equal("SIMULATED_UNKNOWN_ESSAY", answer.ErrorCode);
    }

    [Fact]
    public async Task A_storage_id_file_looks_essays_up_by_storage_id()
    {
        var judge = Simulated(new LlmProviderOptions(), "storage_id,ability\nsa,3\nsb,-3\n");

        Assert.InRange(await ShareAWins(judge, new EssayRefs("x", "y", "sa", "sb"), 200), 0.97, 1.0);
    }

    [Theory]
    [InlineData("id,score\na,1\n")]
    [InlineData("essay_id,ability\na,notanumber\n")]
    [InlineData("essay_id,ability\na,1\na,2\n")]
    public void A_bad_abilities_file_fails_at_load(string csv) =>
        Assert.Throws<InvalidDataException>(() => AbilityTable.Load(files.Write("bad.csv", csv)));
}
