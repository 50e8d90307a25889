using System.Collections.Immutable;
using Cj.Core.Numerics;

namespace Cj.Core.Scoring;

/// <summary>
/// The default MAP fit (§4.1–4.3 of the engine design): Gaussian prior σ on every ability (or plain ML when σ is
/// none), optional position effect η, SEs from the sum-to-zero posterior covariance C = [P⁻¹]θθ − (σ²/n)11ᵀ.
/// </summary>
internal static class MapFitter
{
    public static BtFit Fit(JudgementData data, FitOptions options)
    {
        var n = data.Count;
        var (componentOf, componentCount) = Graph.Components(data);
        var separated = Separation.SeparatedEssays(data);
        var flags = Separation.Flags(data, componentCount, separated);
        if (options.PriorSd is null && !Graph.FordConditionHolds(data, componentOf, componentCount))
        {
            flags |= FitFlags.Separated;
        }

        var estimateEta = options.PositionEffect == PositionEffectMode.Estimate && PositionIdentified(data);
        if (options.PositionEffect == PositionEffectMode.Estimate && !estimateEta && data.JudgementCount > 0)
        {
            flags |= FitFlags.PositionEffectUnidentified;
        }

        if (options.PriorSd is null && (flags & (FitFlags.Separated | FitFlags.Disconnected | FitFlags.NoJudgements)) != 0)
        {
            return Unidentified(data, componentOf, componentCount, flags | FitFlags.MlDoesNotExist);
        }

        var objective = new MapObjective(data, options.PriorSd, estimateEta ? options.PositionPriorSd : null);
        var (x, iterations, converged, maxGradient, value, _) = NewtonSolver.Maximise(objective, options.MaxIterations);
        var dense = options.ComputeStandardErrors && n <= options.DenseCovarianceLimit;
        var (se, etaSe, covariance, exact) = dense
            ? DenseStandardErrors(objective, options)
            : (DiagonalStandardErrors(objective), double.NaN, null, false);
        if (!exact)
        {
            flags |= FitFlags.DiagonalSe;
        }

        var eta = estimateEta ? x[n] : 0.0;
        var (infit, outfit) = FitStatistics.Compute(data, FitStatistics.WinnerProbabilities(data, x.AsSpan(0, n), eta));
        return new BtFit
        {
            Essays = data.Ids,
            Abilities = [.. x.AsSpan(0, n)],
            StandardErrors = [.. se],
            Covariance = covariance,
            ComponentOf = [.. componentOf],
            ComponentCount = componentCount,
            PositionEffect = estimateEta ? new PositionEstimate(eta, etaSe) : null,
            Method = BtMethod.Map,
            Iterations = iterations,
            Converged = converged,
            MaxGradient = maxGradient,
            LogPosterior = value,
            Flags = flags,
            SeparatedEssays = separated,
            Infit = infit,
            Outfit = outfit,
        };
    }

    /// <summary>At least 10% of judgements record the first-shown essay, and it both won and lost at least once.</summary>
    private static bool PositionIdentified(JudgementData data) =>
        data.KnownPositionCount > 0
        && data.KnownPositionCount >= 0.1 * data.JudgementCount
        && data.FirstShownWins > 0
        && data.FirstShownLosses > 0;

    /// <summary>Exact SEs by dense Cholesky; if P is not numerically positive definite, the diagonal approximation (Exact = false).</summary>
    private static (double[] Se, double EtaSe, double[]? Covariance, bool Exact) DenseStandardErrors(MapObjective objective, FitOptions options)
    {
        // The three m² scratch matrices come from the pool: fresh ones are large-object allocations (320 KB each at 200
        // essays) at every wave end, and they brought a full collection every few fits.
        var m = objective.Dimension;
        var pool = System.Buffers.ArrayPool<double>.Shared;
        var p = pool.Rent(m * m);
        var y = pool.Rent(m * m);
        var inverse = pool.Rent(m * m);
        try
        {
            return DenseStandardErrors(objective, options, p, y, inverse);
        }
        finally
        {
            pool.Return(p);
            pool.Return(y);
            pool.Return(inverse);
        }
    }

    private static (double[] Se, double EtaSe, double[]? Covariance, bool Exact) DenseStandardErrors(
        MapObjective objective, FitOptions options, double[] p, double[] y, double[] inverse)
    {
        var n = objective.N;
        var m = objective.Dimension;
        objective.DenseHessian(p);
        if (!DenseSpd.Cholesky(p, m))
        {
            return (DiagonalStandardErrors(objective), double.NaN, null, false);
        }

        DenseSpd.InverseFactorColumns(p, m, y);
        var shift = objective.IsMaximumLikelihood ? 1.0 / n : 1.0 / (objective.PriorPrecision * n);
        var se = new double[n];
        double[]? covariance = null;
        double etaVariance;
        if (options.KeepCovariance)
        {
            DenseSpd.Inverse(y, m, inverse);
            covariance = new double[n * n];
            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j < n; j++)
                {
                    covariance[(i * n) + j] = inverse[(i * m) + j] - shift;
                }

                se[i] = Math.Sqrt(Math.Max(covariance[(i * n) + i], 0));
            }

            etaVariance = objective.HasEta ? inverse[(n * m) + n] : double.NaN;
        }
        else
        {
            var diagonal = DenseSpd.InverseDiagonal(y, m);
            for (var i = 0; i < n; i++)
            {
                se[i] = Math.Sqrt(Math.Max(diagonal[i] - shift, 0));
            }

            etaVariance = objective.HasEta ? diagonal[n] : double.NaN;
        }

        return (se, Math.Sqrt(etaVariance), covariance, true);
    }

    /// <summary>SEᵢ ≈ 1/√(Hᵢᵢ + 1/σ²), used above the dense limit.</summary>
    private static double[] DiagonalStandardErrors(MapObjective objective)
    {
        var information = objective.AbilityInformation();
        var se = new double[objective.N];
        for (var i = 0; i < se.Length; i++)
        {
            se[i] = 1.0 / Math.Sqrt(information[i]);
        }

        return se;
    }

    private static BtFit Unidentified(JudgementData data, int[] componentOf, int componentCount, FitFlags flags)
    {
        var n = data.Count;
        var nan = Enumerable.Repeat(double.NaN, n).ToImmutableArray();
        return new BtFit
        {
            Essays = data.Ids,
            Abilities = [.. new double[n]],
            StandardErrors = nan,
            ComponentOf = [.. componentOf],
            ComponentCount = componentCount,
            Method = BtMethod.Map,
            Iterations = 0,
            Converged = false,
            Flags = flags,
            SeparatedEssays = Separation.SeparatedEssays(data),
            Infit = nan,
            Outfit = nan,
        };
    }
}
