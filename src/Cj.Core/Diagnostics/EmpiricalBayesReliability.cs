using Cj.Core.Scoring;

namespace Cj.Core.Diagnostics;

/// <summary>
/// Reliability that stays honest under adaptive pairing (ADR 0005). The ability SD τ is estimated by empirical Bayes:
/// the Laplace-approximate marginal likelihood of the judgements under θ ~ N(0, τ²) (sum-to-zero) is maximised by the
/// MacKay fixed point τ² = ‖m‖²/γ with γ = (n − 1) − tr C/τ², where m and C are the MAP abilities and sum-to-zero
/// posterior covariance fitted with prior SD τ. The reported reliability is the expected squared correlation between
/// the posterior means and the true abilities, R = ‖m‖²/(‖m‖² + tr C) = γ/(n − 1) at the fixed point (EAP reliability).
/// Unlike SSR, a moment ratio of var θ̂ to mean SE², the marginal likelihood is a likelihood: a pairing that depends only
/// on earlier verdicts leaves it unchanged, so data-dependent designs cannot inflate it. Measured (ADR 0005): with a
/// coin-flipping judge R stays near 0.05 under greedy pairing, where SSR reaches 0.6; with a perfect judge R is slightly
/// conservative (about −0.03 against the true r² at 16 comparisons per essay).
/// </summary>
/// <param name="Value">R, or null when it is undefined (fewer than two essays, no judgements or a disconnected graph).</param>
/// <param name="AbilitySd">The estimated τ in logits (0 when the estimate reached <see cref="MinimumSd"/>).</param>
/// <param name="Iterations">MAP fits used.</param>
/// <param name="Converged">Whether |Δ log τ²| fell below 1e-6, or τ reached the floor, within the iteration limit.</param>
public sealed record EmpiricalBayesReliability(double? Value, double AbilitySd, int Iterations, bool Converged)
{
    /// <summary>τ below this is reported as 0 and R as the value at the floor (close to 0).</summary>
    public const double MinimumSd = 0.01;

    private const double StartSd = 1.5;
    private const double Tolerance = 1e-6;

    /// <summary>
    /// Estimates τ and R from <paramref name="judgements"/> over <paramref name="essays"/>. Fits use the MAP method with the
    /// position-effect settings of <paramref name="options"/> (default: <see cref="FitOptions.Default"/>) and the prior SD
    /// replaced by the current τ; at most <paramref name="maxIterations"/> fits. <paramref name="startSd"/> (default 1.5)
    /// starts the iteration, e.g. from the previous wave's estimate, which saves most of the fits.
    /// </summary>
    public static EmpiricalBayesReliability Of(
        IReadOnlyList<Essay> essays, IReadOnlyList<Judgement> judgements, FitOptions? options = null, int maxIterations = 100, double? startSd = null)
    {
        ArgumentNullException.ThrowIfNull(essays);
        ArgumentNullException.ThrowIfNull(judgements);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxIterations);
        var baseOptions = (options ?? FitOptions.Default) with
        {
            Method = BtMethod.Map,
            ComputeStandardErrors = true,
            KeepCovariance = false,
        };
        var n = essays.Count;
        if (n < 2 || judgements.Count == 0)
        {
            return new EmpiricalBayesReliability(null, double.NaN, 0, false);
        }

        var start = startSd is > MinimumSd and < 100 ? startSd.Value : StartSd;
        var tau2 = start * start;
        double squares = 0, trace = 0;
        for (var iteration = 1; iteration <= maxIterations; iteration++)
        {
            var fit = BradleyTerry.Fit(essays, judgements, baseOptions with { PriorSd = Math.Sqrt(tau2) });
            if (fit.ComponentCount != 1)
            {
                return new EmpiricalBayesReliability(null, double.NaN, iteration, false);
            }

            squares = fit.Abilities.Sum(a => a * a);
            trace = fit.StandardErrors.Sum(s => s * s);
            var gamma = n - 1 - (trace / tau2);
            var next = gamma > 0 ? squares / gamma : 0;
            if (next <= MinimumSd * MinimumSd)
            {
                return new EmpiricalBayesReliability(Ratio(squares, trace), 0, iteration, true);
            }

            var converged = Math.Abs(Math.Log(next / tau2)) < Tolerance;
            tau2 = next;
            if (converged)
            {
                return new EmpiricalBayesReliability(Ratio(squares, trace), Math.Sqrt(tau2), iteration, true);
            }
        }

        return new EmpiricalBayesReliability(Ratio(squares, trace), Math.Sqrt(tau2), maxIterations, false);
    }

    private static double Ratio(double squares, double trace) => squares + trace > 0 ? squares / (squares + trace) : 0;
}
