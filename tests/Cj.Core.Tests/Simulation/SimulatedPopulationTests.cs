using Cj.Core.Simulation;

namespace Cj.Core.Tests.Simulation;

public sealed class SimulatedPopulationTests
{
    [Fact]
    public void Cuts_are_the_true_ability_quantiles_of_equally_likely_grades()
    {
        var population = SimulatedPopulation.Draw(new Scenario { Students = 10, Anchors = 4, Grades = 4, Spread = 2 }, new CjRandom(1));
        Assert.Equal([-2 * 0.6744897501960817, 0, 2 * 0.6744897501960817], population.Cuts, (a, b) => Math.Abs(a - b) < 1e-12);
    }

    [Fact]
    public void Twelve_anchors_cover_nine_grades_evenly_inside_their_bands()
    {
        var scenario = new Scenario { Students = 30, Anchors = 12, Grades = 9 };
        for (var seed = 1UL; seed <= 20; seed++)
        {
            var population = SimulatedPopulation.Draw(scenario, new CjRandom(seed));
            var anchors = Enumerable.Range(0, population.Essays.Length).Where(i => population.Essays[i].IsAnchor).ToArray();
            Assert.Equal(12, anchors.Length);
            Assert.Equal([1, 2, 1, 1, 2, 1, 1, 2, 1], anchors.GroupBy(i => population.TrueGrades[i]).OrderBy(g => g.Key).Select(g => g.Count()));
            foreach (var i in anchors)
            {
                var grade = population.TrueGrades[i];
                Assert.Equal((grade + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), population.Essays[i].AnchorGrade);
                Assert.Equal(grade, SimulatedPopulation.BandOf(population.Cuts, population.Abilities[i]));
                Assert.True(population.Abilities[i] >= population.Cuts[0] - 1.5 && population.Abilities[i] <= population.Cuts[^1] + 1.5);
            }
        }
    }

    [Fact]
    public void Students_get_the_grade_of_the_band_holding_their_ability_and_essays_are_in_id_order()
    {
        var population = SimulatedPopulation.Draw(new Scenario { Students = 200, Anchors = 3, Grades = 3 }, new CjRandom(7));
        Assert.Equal(population.Essays.Select(e => e.Id).Order(), population.Essays.Select(e => e.Id));
        for (var i = 0; i < population.Essays.Length; i++)
        {
            Assert.Equal(SimulatedPopulation.BandOf(population.Cuts, population.Abilities[i]), population.TrueGrades[i]);
        }

        var shares = population.Essays.Select((e, i) => (e, i)).Where(p => !p.e.IsAnchor).GroupBy(p => population.TrueGrades[p.i]).Select(g => g.Count() / 200.0);
        Assert.All(shares, s => Assert.InRange(s, 0.2, 0.47));
    }

    [Fact]
    public void Without_anchors_there_are_only_students_and_no_grades()
    {
        var population = SimulatedPopulation.Draw(new Scenario { Students = 5 }, new CjRandom(3));
        Assert.All(population.Essays, e => Assert.False(e.IsAnchor));
        Assert.Null(population.Scale);
        Assert.Empty(population.Cuts);
    }

    [Theory]
    [InlineData(0.5, 0.0)]
    [InlineData(0.975, 1.959963984540054)]
    [InlineData(0.001, -3.090232306167813)]
    public void The_normal_quantile_inverts_phi(double p, double z) =>
        Assert.Equal(z, SimulatedPopulation.NormalQuantile(p), 1e-12);
}
