using Cj.Core.Scoring;

namespace Cj.Core.Tests.Scoring;

public sealed class PositionEffectTests
{
    [Fact]
    public void A_first_shown_advantage_is_recovered_from_simulated_judgements()
    {
        var rng = new CjRandom(2024);
        const int n = 40;
        const double eta = 0.3;
        var truth = Enumerable.Range(0, n).Select(_ => 1.5 * rng.NextNormal()).ToArray();
        var ids = Enumerable.Range(0, n).Select(i => new EssayId($"S{i:D3}")).ToArray();
        var judgements = new List<Judgement>();
        for (var k = 0; k < 4000; k++)
        {
            var a = rng.NextInt(n);
            var b = rng.NextInt(n - 1);
            b += b >= a ? 1 : 0;
            var firstWins = rng.NextDouble() < Logistic.Sigma(truth[a] - truth[b] + eta);
            judgements.Add(new Judgement(firstWins ? ids[a] : ids[b], firstWins ? ids[b] : ids[a], ids[a], null, k));
        }

        var fit = BradleyTerry.Fit(ids.Select(i => new Essay(i)), judgements);
        Assert.NotNull(fit.PositionEffect);
        Assert.InRange(fit.PositionEffect.Eta, eta - (3 * fit.PositionEffect.StandardError), eta + (3 * fit.PositionEffect.StandardError));
        Assert.InRange(fit.PositionEffect.StandardError, 0.02, 0.08);
        Assert.Equal(Logistic.Sigma(fit.PositionEffect.Eta), fit.PositionEffect.FirstShownWinProbability);
    }

    [Fact]
    public void Without_recorded_order_the_position_effect_is_not_estimated_and_flagged()
    {
        var fit = Inline.Fit(Inline.V1());
        Assert.Null(fit.PositionEffect);
        Assert.True(fit.Flags.HasFlag(FitFlags.PositionEffectUnidentified));
    }

    [Fact]
    public void Turning_the_position_effect_off_ignores_the_recorded_order()
    {
        var (essays, judgements) = Inline.V1();
        var shown = judgements.Select(j => j with { ShownFirst = j.Sequence % 3 == 0 ? j.Loser : j.Winner }).ToArray();
        var off = BradleyTerry.Fit(essays, shown, new FitOptions { PositionEffect = PositionEffectMode.Off });
        Assert.Null(off.PositionEffect);
        MapGoldenTests.AssertClose([0.866637, 0.866637, 0, -0.866637, -0.866637], off.Abilities);
    }
}
