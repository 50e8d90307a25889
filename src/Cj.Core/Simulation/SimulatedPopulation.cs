using System.Collections.Immutable;
using Cj.Core.Grading;

namespace Cj.Core.Simulation;

/// <summary>
/// The truth of one run: the essays (anchors <c>A000001</c>…, then students <c>S000001</c>…, so in ordinal id order
/// and aligned with a fit), their true abilities, and with anchors the grade scale, the true cuts and every essay's
/// true grade index.
/// </summary>
public sealed record SimulatedPopulation(
    ImmutableArray<Essay> Essays,
    ImmutableArray<double> Abilities,
    GradeScale? Scale,
    ImmutableArray<double> Cuts,
    ImmutableArray<int> TrueGrades)
{
    /// <summary>
    /// Draws students θ ~ N(0, SD²) in order, then anchors: anchor j of K gets grade ⌊(j + ½)·G/K⌋ (spread evenly, every
    /// grade covered when K ≥ G) and θ uniform inside that grade's band. The cuts are the true ability quantiles
    /// cₖ = SD·Φ⁻¹(k/G), k = 1 … G−1, so the G grades are equally likely; the outer bands are
    /// <see cref="Scenario.OuterBandWidth"/> wide. A student's true grade is the band containing its θ.
    /// </summary>
    public static SimulatedPopulation Draw(Scenario scenario, CjRandom random)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(random);
        var students = Enumerable.Range(0, scenario.Students).Select(_ => scenario.Spread * random.NextNormal()).ToArray();
        var scale = scenario.Scale;
        if (scale is null)
        {
            return new SimulatedPopulation(
                [.. Enumerable.Range(1, scenario.Students).Select(i => Essay.Student(Id('S', i)))], [.. students], null, [], []);
        }

        var g = scenario.Grades;
        var cuts = Enumerable.Range(1, g - 1).Select(k => scenario.Spread * NormalQuantile((double)k / g)).ToImmutableArray();
        var essays = ImmutableArray.CreateBuilder<Essay>(scenario.Essays);
        var abilities = ImmutableArray.CreateBuilder<double>(scenario.Essays);
        var grades = ImmutableArray.CreateBuilder<int>(scenario.Essays);
        for (var j = 0; j < scenario.Anchors; j++)
        {
            var grade = (int)Math.Floor((j + 0.5) * g / scenario.Anchors);
            var lo = grade == 0 ? cuts[0] - scenario.OuterBandWidth : cuts[grade - 1];
            var hi = grade == g - 1 ? cuts[g - 2] + scenario.OuterBandWidth : cuts[grade];
            essays.Add(Essay.Anchor(Id('A', j + 1), scale.Grades[grade]));
            abilities.Add(lo + ((hi - lo) * random.NextDouble()));
            grades.Add(grade);
        }

        for (var i = 0; i < students.Length; i++)
        {
            essays.Add(Essay.Student(Id('S', i + 1)));
            abilities.Add(students[i]);
            grades.Add(BandOf(cuts, students[i]));
        }

        return new SimulatedPopulation(essays.MoveToImmutable(), abilities.MoveToImmutable(), scale, cuts, grades.MoveToImmutable());
    }

    /// <summary>The index of the band containing θ: the number of cuts at or below it.</summary>
    public static int BandOf(ImmutableArray<double> cuts, double ability)
    {
        var k = 0;
        while (k < cuts.Length && cuts[k] <= ability)
        {
            k++;
        }

        return k;
    }

    /// <summary>Φ⁻¹(p) by bisection on <see cref="Normal.Cdf"/>: slow but exact to the last bits, and called G−1 times a run.</summary>
    internal static double NormalQuantile(double p)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(p);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(p, 1.0);
        double lo = -40, hi = 40;
        for (var i = 0; i < 200; i++)
        {
            var mid = 0.5 * (lo + hi);
            if (mid <= lo || mid >= hi)
            {
                break;
            }

            (lo, hi) = Normal.Cdf(mid) < p ? (mid, hi) : (lo, mid);
        }

        return 0.5 * (lo + hi);
    }

    private static string Id(char prefix, int number) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{prefix}{number:D6}");
}
