using System.Collections.Immutable;
using Cj.Core.Grading;
using Cj.Core.Pairing;

namespace Cj.Core.Tests.Pairing;

/// <summary>§6 step 3, anchor bracketing: a student meets anchors of the grades around its nearest boundary more often.</summary>
public sealed class AnchorBracketingTests
{
    private static readonly GradeScale Scale = GradeScale.Custom("four", ["1", "2", "3", "4"]);

    // Without exploration every pair is weighed by utility, so the multiplier's effect is not diluted by random
    // partners (at the default ε = 0.75 only one pair in sixteen is utility-weighed). Measured: 804 against 634 (1.27×).
    [Fact]
    public void Bracketing_raises_the_share_of_student_anchor_pairs_across_the_nearest_boundary()
    {
        const double exploration = 0.0;
        var (withBonus, without) = (0, 0);
        for (ulong batch = 11; batch <= 13; batch++)
        {
            var sim = Batch(batch);
            var boundaries = sim.Calibration!.Boundaries;
            var state = sim.State(waveSize: 30, budget: 1000);
            var options = PairingOptions.Default with { ExplorationShare = exploration };
            for (ulong seed = 1; seed <= 30; seed++)
            {
                withBonus += Bracketing(sim, boundaries, PairPlanner.PlanWave(state, options, new CjRandom(seed)));
                without += Bracketing(sim, boundaries, PairPlanner.PlanWave(state, options with { AnchorBracketBonus = 0 }, new CjRandom(seed)));
            }
        }

        Assert.True(withBonus > without * 1.1, $"{withBonus} bracketing pairs with β = 1, {without} with β = 0");
    }

    /// <summary>48 students N(0, 1.5²) and three anchors per grade around −3, −1, 1, 3, after five waves.</summary>
    private static PairingSimulation Batch(ulong seed)
    {
        var random = new CjRandom(seed);
        var students = Enumerable.Range(0, 48).Select(i => (Essay.Student($"s{i:D2}"), 1.5 * random.NextNormal()));
        var anchors = Enumerable.Range(0, 12).Select(i =>
            (Essay.Anchor($"a{i:D2}", Scale.Grades[i / 3]), (-3.0 + (2.0 * (i / 3))) + (0.6 * (random.NextDouble() - 0.5))));
        var all = students.Concat(anchors).OrderBy(e => e.Item1.Id).ToList();
        var sim = new PairingSimulation([.. all.Select(e => e.Item1)], all.ToDictionary(e => e.Item1.Id, e => e.Item2), seed);
        for (var wave = 0; wave < 5; wave++)
        {
            sim.Step(PairingOptions.Default, 30);
        }

        var fit = sim.Fit!;
        sim.Calibration = Grader.Calibrate(Scale, sim.Essays.Where(e => e.IsAnchor).Select(e =>
            new GradeAnchor(e.Id, e.AnchorGrade!, fit.AbilityOf(e.Id), fit.StandardErrorOf(e.Id))));
        Assert.True(sim.Calibration.IsAvailable);
        return sim;
    }

    private static int Bracketing(PairingSimulation sim, ImmutableArray<double> boundaries, WavePlan plan)
    {
        var essays = sim.Essays.ToDictionary(e => e.Id);
        var count = 0;
        foreach (var pair in plan.Pairs)
        {
            var (a, b) = (essays[pair.First], essays[pair.Second]);
            if (a.IsAnchor == b.IsAnchor)
            {
                continue;
            }

            var (student, anchor) = a.IsAnchor ? (b, a) : (a, b);
            var theta = sim.Fit!.AbilityOf(student.Id);
            var nearest = Enumerable.Range(0, boundaries.Length).MinBy(m => Math.Abs(boundaries[m] - theta));
            var grade = Scale.IndexOf(anchor.AnchorGrade);
            count += grade == nearest || grade == nearest + 1 ? 1 : 0;
        }

        return count;
    }
}
