using Cj.Core.Grading;
using static Cj.Core.Grading.Grader;

namespace Cj.Core.Tests.Grading;

public sealed class ProjectionInvariantTests
{
    private static readonly GradeScale[] Scales =
        [GradeScale.Eng5NpLegacy9Step, GradeScale.Eng5NpNational9Step, GradeScale.Swedish8Anchor, GradeScale.Custom("two", ["low", "high"])];

    [Fact]
    public void Probabilities_sum_to_one_over_many_seeded_random_inputs()
    {
        var projected = 0;
        for (ulong seed = 1; seed <= 400; seed++)
        {
            var random = new CjRandom(seed);
            var scale = Scales[random.NextInt(Scales.Length)];
            var options = new GradingOptions(
                random.NextDouble() < 0.5 ? AnchorLocation.Median : AnchorLocation.Mean,
                random.NextDouble() < 0.8 ? BoundaryUncertainty.Pooled : BoundaryUncertainty.None);
            var calibration = Calibrate(scale, RandomAnchors(random, scale), options);
            if (!calibration.IsAvailable)
            {
                continue;
            }

            for (var s = 0; s < 5; s++)
            {
                var theta = 4 * random.NextNormal();
                var se = random.NextDouble() < 0.1 ? 1e-9 : 0.05 + (2 * random.NextDouble());
                AssertCoherent(Project(calibration, theta, se), scale);
                projected++;
            }
        }

        Assert.True(projected > 1000, $"only {projected} projections were available");
    }

    [Fact]
    public void Judging_certainty_ignores_boundary_uncertainty_and_matches_the_projection()
    {
        var c = Calibrate(GradeScale.Eng5NpLegacy9Step, Anchors.V6());
        var p = Project(c, 1.0, 0.3);
        Assert.Equal(p.JudgingCertainty, JudgingCertainty(c, 1.0, 0.3));
        Assert.True(p.JudgingCertainty > p.Confidence);
    }

    private static void AssertCoherent(GradeProjection p, GradeScale scale)
    {
        Assert.Equal(scale.Count, p.Probabilities.Length);
        Assert.Equal(1.0, p.Probabilities.Sum(), 1e-12);
        Assert.All(p.Probabilities, x => Assert.InRange(x, 0.0, 1.0));
        Assert.Equal(p.Probabilities.Max(), p.Confidence, 1e-12);
        Assert.Equal(p.Probabilities[p.PrimaryIndex], p.Confidence);
        Assert.Equal(scale.Grades[p.PrimaryIndex], p.PrimaryGrade);
        Assert.StartsWith(p.PrimaryGrade, p.Grade, StringComparison.Ordinal);
        Assert.Contains(p.Grade, scale.ReportableGrades);
        Assert.InRange(p.ExpectedGradeIndex, 0.0, scale.Count - 1);
        Assert.InRange(p.NormalisedScore, 0.0, 1.0);
        Assert.InRange(p.WithinOneGrade, p.Confidence, 1.0 + 1e-12);
        Assert.InRange(p.JudgingCertainty, (1.0 / scale.Count) - 1e-12, 1.0 + 1e-12);
    }

    private static List<GradeAnchor> RandomAnchors(CjRandom random, GradeScale scale)
    {
        var anchors = new List<GradeAnchor>();
        var count = 1 + random.NextInt(14);
        for (var i = 0; i < count; i++)
        {
            var k = random.NextInt(scale.Count);
            var theta = (k - (scale.Count / 2.0)) + (random.NextNormal() * (random.NextDouble() < 0.3 ? 3.0 : 0.5));
            anchors.Add(new GradeAnchor(new EssayId($"a{i:D2}"), scale.Grades[k], theta, 0.1 + random.NextDouble()));
        }

        return anchors;
    }
}
