using System.Globalization;
using Cj.Core.Grading;
using Cj.Core.Tests.Support;
using Xunit.Abstractions;
using static Cj.Core.Grading.Grader;

namespace Cj.Core.Tests.Reference;

/// <summary>
/// §12 A15: grade projection against the school's NCEA grades of Marshall et al. (2020). k anchors per grade are drawn
/// at random from the 92 graded scripts (7 without a grade are never anchors nor scored), the rest are projected, and
/// exact agreement must on average reach the nearest-anchor-mean baseline. The MAP fit is made once: it does not
/// depend on which scripts are anchors.
/// </summary>
public sealed class MarshallProjectionTests(ITestOutputHelper output)
{
    private const int Draws = 500;

    /// <summary>NCEA grades lowest first: Not Achieved, Achieved, Merit, Excellence.</summary>
    private static readonly GradeScale Ncea = GradeScale.Custom("ncea", ["NA", "A", "M", "E"]);

    [RequiresResearchDataFact]
    public void Projection_from_3_anchors_per_grade_agrees_with_teachers_at_least_as_often_as_the_nearest_anchor_mean() =>
        AssertAtLeastBaseline(anchorsPerGrade: 3, seed: 2020_03);

    [RequiresResearchDataFact]
    public void Projection_from_5_anchors_per_grade_agrees_with_teachers_at_least_as_often_as_the_nearest_anchor_mean() =>
        AssertAtLeastBaseline(anchorsPerGrade: 5, seed: 2020_05);

    private void AssertAtLeastBaseline(int anchorsPerGrade, ulong seed)
    {
        var fit = MarshallData.Fit();
        var graded = MarshallData.Scripts().Where(s => s.Grade.Length > 0)
            .Select(s => new Script(s.Id, Ncea.IndexOf(s.Grade), fit.AbilityOf(s.Id), fit.StandardErrorOf(s.Id))).ToArray();
        Assert.Equal(92, graded.Length);
        Assert.DoesNotContain(graded, s => s.Grade < 0);
        var byGrade = Enumerable.Range(0, Ncea.Count).Select(g => graded.Where(s => s.Grade == g).ToArray()).ToArray();

        var random = new CjRandom(seed);
        Agreement projected = new(), baseline = new();
        for (var draw = 0; draw < Draws; draw++)
        {
            var anchors = new List<Script>();
            foreach (var pool in byGrade)
            {
                var shuffled = pool.ToArray();
                random.Shuffle(shuffled.AsSpan());
                anchors.AddRange(shuffled.Take(anchorsPerGrade));
            }

            var calibration = Calibrate(Ncea, anchors.Select(a => new GradeAnchor(a.Id, Ncea.Grades[a.Grade], a.Theta, a.Se)));
            Assert.True(calibration.IsAvailable, $"draw {draw}: {calibration.Unavailable}");
            var means = byGrade.Select((_, g) => anchors.Where(a => a.Grade == g).Average(a => a.Theta)).ToArray();
            var rest = graded.Where(s => !anchors.Contains(s)).ToArray();
            int[] truth = [.. rest.Select(s => s.Grade)];
            projected.Add(truth, [.. rest.Select(s => Project(calibration, s.Theta, s.Se).PrimaryIndex)]);
            baseline.Add(truth, [.. rest.Select(s => Enumerable.Range(0, means.Length).MinBy(g => Math.Abs(s.Theta - means[g])))]);
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"k = {anchorsPerGrade}, {Draws} draws. Projection: {projected}. Nearest anchor mean: {baseline}."));
        Assert.True(projected.Exact >= baseline.Exact, $"projection {projected.Exact:F4} < baseline {baseline.Exact:F4}");
    }

    private sealed record Script(EssayId Id, int Grade, double Theta, double Se);

    /// <summary>Means over draws of exact agreement, agreement within one grade, and quadratic weighted kappa.</summary>
    private sealed class Agreement
    {
        private readonly List<(double Exact, double Adjacent, double Qwk)> _draws = [];

        public double Exact => _draws.Average(d => d.Exact);

        public void Add(int[] truth, int[] grade)
        {
            var k = Ncea.Count;
            var observed = new double[k, k];
            for (var i = 0; i < truth.Length; i++)
            {
                observed[truth[i], grade[i]] += 1.0 / truth.Length;
            }

            double disagreement = 0, chance = 0;
            for (var a = 0; a < k; a++)
            {
                for (var b = 0; b < k; b++)
                {
                    var weight = (a - b) * (a - b);
                    disagreement += weight * observed[a, b];
                    chance += weight * truth.Count(t => t == a) * grade.Count(g => g == b) / (double)(truth.Length * truth.Length);
                }
            }

            _draws.Add((
                truth.Zip(grade).Average(p => p.First == p.Second ? 1.0 : 0.0),
                truth.Zip(grade).Average(p => Math.Abs(p.First - p.Second) <= 1 ? 1.0 : 0.0),
                1 - (disagreement / chance)));
        }

        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"exact {Exact:F3}, adjacent {_draws.Average(d => d.Adjacent):F3}, QWK {_draws.Average(d => d.Qwk):F3}");
    }
}
