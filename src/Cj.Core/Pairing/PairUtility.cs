using System.Collections.Immutable;
using Cj.Core.Grading;

namespace Cj.Core.Pairing;

/// <summary>
/// The expected cut in posterior variance of §6 step 3, on one Thompson draw θ̃ₑ = θₑ + SEₑ·zₑ per essay per wave,
/// with the anchor-bracketing multiplier 1 + β(1 − cert_s) when a calibration is available.
/// </summary>
internal sealed class PairUtility
{
    private readonly double[] _variance;
    private readonly double _bonus;
    private readonly double[] _certainty;
    private readonly int[] _nearestBoundary;
    private readonly int[] _anchorGrade;

    /// <summary>Draws θ̃ for every essay. With <paramref name="usePrior"/> (the first wave) θ = 0 and SE = σ for all.</summary>
    public PairUtility(PlanningState state, PairingOptions options, CjRandom random, bool usePrior)
    {
        var n = state.Essays.Length;
        var theta = new double[n];
        var se = new double[n];
        _variance = new double[n];
        Draws = new double[n];
        var fit = usePrior ? null : state.Fit;
        for (var e = 0; e < n; e++)
        {
            var k = fit is null ? -1 : fit.Essays.BinarySearch(state.Essays[e].Id);
            (theta[e], se[e]) = k >= 0 ? (fit!.Abilities[k], fit.StandardErrors[k]) : (0.0, options.PriorSd);
            _variance[e] = se[e] * se[e];
            Draws[e] = theta[e] + (se[e] * random.NextNormal());
        }

        _bonus = options.AnchorBracketBonus;
        _certainty = new double[n];
        _nearestBoundary = Enumerable.Repeat(-1, n).ToArray();
        _anchorGrade = Enumerable.Repeat(-1, n).ToArray();
        var calibration = usePrior ? null : state.Calibration;
        HasBracketing = calibration is { IsAvailable: true, Boundaries.Length: > 0 } && _bonus > 0;
        if (HasBracketing)
        {
            Bracket(state, calibration!, theta, se);
        }
    }

    /// <summary>θ̃ per essay.</summary>
    public double[] Draws { get; }

    /// <summary>True when a calibration is available and β &gt; 0, so student–anchor pairs may be boosted.</summary>
    public bool HasBracketing { get; }

    /// <summary>Uᵢⱼ = Σ vₑ²I/(1 + vₑI) with I = p̃(1 − p̃), times the bracketing multiplier.</summary>
    public double Of(int i, int j)
    {
        var (vi, vj) = (_variance[i], _variance[j]);
        var p = Logistic.Sigma((Draws[i] - Draws[j]) / Math.Sqrt(1 + (Math.PI * (vi + vj) / 8)));
        var information = p * (1 - p);
        var u = (vi * vi * information / (1 + (vi * information))) + (vj * vj * information / (1 + (vj * information)));
        if (Brackets(i, j))
        {
            u *= 1 + (_bonus * (1 - _certainty[i]));
        }
        else if (Brackets(j, i))
        {
            u *= 1 + (_bonus * (1 - _certainty[j]));
        }

        return u;
    }

    /// <summary>
    /// True when <paramref name="student"/> is a student, <paramref name="anchor"/> an anchor, and the anchor's grade is one
    /// of the two grades meeting at the boundary nearest the student's θ̃.
    /// </summary>
    public bool Brackets(int student, int anchor)
    {
        var lower = _nearestBoundary[student];
        var grade = _anchorGrade[anchor];
        return lower >= 0 && grade >= 0 && (grade == lower || grade == lower + 1);
    }

    private void Bracket(PlanningState state, GradeCalibration calibration, double[] theta, double[] se)
    {
        var boundaries = calibration.Boundaries;
        for (var e = 0; e < state.Essays.Length; e++)
        {
            var essay = state.Essays[e];
            if (essay.IsAnchor)
            {
                _anchorGrade[e] = calibration.Scale.IndexOf(essay.AnchorGrade);
                continue;
            }

            // Boundaries[m] separates grade m from grade m + 1; the nearest one to θ̃ names the two grades to bracket.
            var nearest = 0;
            for (var m = 1; m < boundaries.Length; m++)
            {
                if (Math.Abs(boundaries[m] - Draws[e]) < Math.Abs(boundaries[nearest] - Draws[e]))
                {
                    nearest = m;
                }
            }

            _nearestBoundary[e] = nearest;
            _certainty[e] = Grader.JudgingCertainty(calibration, theta[e], se[e]);
        }
    }
}
