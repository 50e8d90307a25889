using Cj.Core.Scoring;

namespace Cj.Core.Tests.Scoring;

/// <summary>Invariants of the MAP fit over hundreds of seeded random inputs (§12 A10).</summary>
public sealed class MapInvariantTests
{
    public static TheoryData<int> Seeds()
    {
        var data = new TheoryData<int>();
        for (var seed = 1; seed <= 25; seed++)
        {
            data.Add(seed);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Permuting_judgements_and_essays_changes_nothing(int seed)
    {
        for (var round = 0; round < 20; round++)
        {
            var (essays, judgements, rng) = RandomBatch((ulong)((seed * 100) + round));
            var fit = BradleyTerry.Fit(essays, judgements);
            var shuffledEssays = essays.ToArray();
            rng.Shuffle(shuffledEssays.AsSpan());
            var shuffledJudgements = judgements.ToArray();
            rng.Shuffle(shuffledJudgements.AsSpan());
            var renumbered = shuffledJudgements.Select((j, k) => j with { Sequence = k }).ToArray();
            var again = BradleyTerry.Fit(shuffledEssays, renumbered);
            MapGoldenTests.AssertClose(fit.Abilities, again.Abilities, 1e-12);
            MapGoldenTests.AssertClose(fit.StandardErrors, again.StandardErrors, 1e-12);
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void An_extra_win_never_lowers_the_winner_relative_to_the_loser(int seed)
    {
        for (var round = 0; round < 20; round++)
        {
            var (essays, judgements, rng) = RandomBatch((ulong)((seed * 1000) + round));
            var fit = BradleyTerry.Fit(essays, judgements);
            var a = essays[rng.NextInt(essays.Count)].Id;
            var b = essays.Select(e => e.Id).Where(id => id != a).ElementAt(rng.NextInt(essays.Count - 1));
            var more = BradleyTerry.Fit(essays, [.. judgements, new Judgement(a, b, null, null, judgements.Count)]);
            Assert.True(
                more.AbilityOf(a) - more.AbilityOf(b) >= fit.AbilityOf(a) - fit.AbilityOf(b) - 1e-12,
                $"seed {seed}/{round}: {a} over {b}");
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Abilities_sum_to_zero_and_standard_errors_are_positive_and_finite(int seed)
    {
        for (var round = 0; round < 20; round++)
        {
            var (essays, judgements, _) = RandomBatch((ulong)((seed * 7919) + round));
            var fit = BradleyTerry.Fit(essays, judgements);
            Assert.True(fit.Converged);
            Assert.True(Math.Abs(fit.Abilities.Sum()) < 1e-9, $"Σθ = {fit.Abilities.Sum()}");
            Assert.All(fit.StandardErrors, se => Assert.True(se > 0 && double.IsFinite(se)));
        }
    }

    /// <summary>2–30 essays, 0–150 judgements between random pairs, a third of them with a recorded order.</summary>
    internal static (IReadOnlyList<Essay> Essays, IReadOnlyList<Judgement> Judgements, CjRandom Rng) RandomBatch(ulong seed)
    {
        var rng = new CjRandom(seed);
        var n = 2 + rng.NextInt(29);
        var essays = Enumerable.Range(0, n).Select(i => Essay.Student($"E{i:D2}")).ToArray();
        var m = rng.NextInt(151);
        var judgements = new List<Judgement>(m);
        for (var k = 0; k < m; k++)
        {
            var a = rng.NextInt(n);
            var b = rng.NextInt(n - 1);
            b += b >= a ? 1 : 0;
            var first = rng.NextDouble() < 0.33 ? essays[a].Id : (EssayId?)null;
            judgements.Add(new Judgement(essays[a].Id, essays[b].Id, first, null, k));
        }

        return (essays, judgements, rng);
    }
}
