using Cj.Core.Numerics;

namespace Cj.Core.Scoring;

/// <summary>
/// Regularised iterative Luce spectral ranking (§4.5 of the engine design), for parity with the system we replace:
/// every pair gets a constant rate α, each judgement a beat b adds 1/(w_a + w_b) to the rate from b to a, and θ is
/// the centred log of the chain's stationary distribution. SEs are the uncapped sum-to-zero likelihood ones at θ̂.
/// </summary>
internal static class IlsrFitter
{
    /// <summary>The dense LU costs n³/3 per round; beyond this many essays the method is refused.</summary>
    public const int MaxEssays = 2000;

    private const int MaxRounds = 100;

    private const double Tolerance = 1e-8;

    public static BtFit Fit(JudgementData data, FitOptions options)
    {
        var n = data.Count;
        if (n > MaxEssays)
        {
            throw new ArgumentException($"The ILSR method is limited to {MaxEssays:N0} essays (dense LU); got {n:N0}.", nameof(data));
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.IlsrAlpha, nameof(options));
        var weights = Enumerable.Repeat(1.0, n).ToArray();
        double[]? previous = null;
        var theta = new double[n];
        var rounds = 0;
        var converged = false;
        while (!converged && rounds < MaxRounds)
        {
            theta = Round(data, weights, options.IlsrAlpha);
            rounds++;

            // As in choix: the first round has nothing to compare with, so at least two rounds are run.
            converged = previous is not null && SumAbsoluteDifference(theta, previous) <= Tolerance * n;
            previous = theta;
            var sum = theta.Sum(Math.Exp);
            for (var i = 0; i < n; i++)
            {
                weights[i] = n * Math.Exp(theta[i]) / sum;
            }
        }

        var (componentOf, componentCount) = Graph.Components(data);
        var (se, covariance, diagonal) = IlsrStandardErrors.Compute(data, theta, componentCount > 1, options);
        var (infit, outfit) = FitStatistics.Compute(data, FitStatistics.WinnerProbabilities(data, theta, 0));
        var separated = Separation.SeparatedEssays(data);
        var flags = Separation.Flags(data, componentCount, separated);
        return new BtFit
        {
            Essays = data.Ids,
            Abilities = [.. theta],
            StandardErrors = [.. se],
            Covariance = covariance,
            ComponentOf = [.. componentOf],
            ComponentCount = componentCount,
            Method = BtMethod.Ilsr,
            Iterations = rounds,
            Converged = converged,
            Flags = diagonal ? flags | FitFlags.DiagonalSe : flags,
            SeparatedEssays = separated,
            Infit = infit,
            Outfit = outfit,
        };
    }

    /// <summary>One spectral round: θ = log π − mean(log π) for the stationary π (Σπ = n) of the weighted chain.</summary>
    private static double[] Round(JudgementData data, double[] weights, double alpha)
    {
        var n = data.Count;
        var rate = new double[n * n];
        Array.Fill(rate, alpha);
        for (var r = 0; r < data.RowCount; r++)
        {
            var (i, j) = (data.RowI[r], data.RowJ[r]);
            var share = 1.0 / (weights[i] + weights[j]);
            rate[(j * n) + i] += data.RowWinsI[r] * share;
            rate[(i * n) + j] += (data.RowN[r] - data.RowWinsI[r]) * share;
        }

        var pi = StationaryDistribution(rate, n);
        var theta = new double[n];
        for (var i = 0; i < n; i++)
        {
            theta[i] = Math.Log(pi[i]);
        }

        var mean = theta.Average();
        for (var i = 0; i < n; i++)
        {
            theta[i] -= mean;
        }

        return theta;
    }

    /// <summary>
    /// Solves πᵀG = 0 with Σπ = n for the generator G = Q − diag(Q1), off-diagonal rates <paramref name="rate"/>
    /// (row-major; the diagonal is ignored). The last balance equation is redundant and is replaced by Σπ = n.
    /// </summary>
    private static double[] StationaryDistribution(double[] rate, int n)
    {
        var system = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            var outflow = 0.0;
            for (var j = 0; j < n; j++)
            {
                if (j != i)
                {
                    outflow += rate[(i * n) + j];
                    system[(j * n) + i] = rate[(i * n) + j];
                }
            }

            system[(i * n) + i] = -outflow;
        }

        var pi = new double[n];
        system.AsSpan((n - 1) * n, n).Fill(1.0);
        pi[n - 1] = n;
        return DenseLu.Solve(system, pi, n)
            ? pi
            : throw new InvalidOperationException("The ILSR chain has no unique stationary distribution.");
    }

    private static double SumAbsoluteDifference(double[] x, double[] y)
    {
        var sum = 0.0;
        for (var i = 0; i < x.Length; i++)
        {
            sum += Math.Abs(x[i] - y[i]);
        }

        return sum;
    }
}
