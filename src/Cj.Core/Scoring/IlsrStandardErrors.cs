using Cj.Core.Numerics;

namespace Cj.Core.Scoring;

/// <summary>
/// SEs of the ILSR fit from the uncapped sum-to-zero likelihood pseudo-inverse at θ̂: C = (H + 11ᵀ/n)⁻¹ − 11ᵀ/n, with
/// H the graph Laplacian weighted by p(1−p) per judgement. The α regularisation plays no part in them.
/// </summary>
internal static class IlsrStandardErrors
{
    // H + 11ᵀ/n is singular when the graph is disconnected: the offsets between components are not identified by the
    // likelihood. A tiny ridge keeps the factorisation going, and those essays' SEs come out huge (≈ 1/√ridge), which
    // says the same thing honestly instead of failing.
    private const double DisconnectedRidge = 1e-9;

    /// <summary>SEs, the full covariance when asked for, and whether the diagonal approximation 1/√Hᵢᵢ was used instead.</summary>
    public static (double[] Se, double[]? Covariance, bool Diagonal) Compute(
        JudgementData data, double[] theta, bool disconnected, FitOptions options)
    {
        var n = data.Count;
        var h = Laplacian(data, theta);
        if (!options.ComputeStandardErrors || n > options.DenseCovarianceLimit)
        {
            return (Enumerable.Range(0, n).Select(i => 1.0 / Math.Sqrt(h[(i * n) + i])).ToArray(), null, true);
        }

        var shift = 1.0 / n;
        var a = Shifted(h, n, shift, disconnected ? DisconnectedRidge : 0);
        if (!DenseSpd.Cholesky(a, n))
        {
            a = Shifted(h, n, shift, DisconnectedRidge);
            if (!DenseSpd.Cholesky(a, n))
            {
                return (Enumerable.Repeat(double.NaN, n).ToArray(), null, false);
            }
        }

        var y = DenseSpd.InverseFactorColumns(a, n);
        var se = new double[n];
        if (!options.KeepCovariance)
        {
            var diagonal = DenseSpd.InverseDiagonal(y, n);
            for (var i = 0; i < n; i++)
            {
                se[i] = Math.Sqrt(Math.Max(diagonal[i] - shift, 0));
            }

            return (se, null, false);
        }

        var covariance = DenseSpd.Inverse(y, n);
        for (var k = 0; k < covariance.Length; k++)
        {
            covariance[k] -= shift;
        }

        for (var i = 0; i < n; i++)
        {
            se[i] = Math.Sqrt(Math.Max(covariance[(i * n) + i], 0));
        }

        return (se, covariance, false);
    }

    /// <summary>H = Σ_c p_c(1−p_c)(e_w − e_l)(e_w − e_l)ᵀ, row-major.</summary>
    private static double[] Laplacian(JudgementData data, double[] theta)
    {
        var n = data.Count;
        var h = new double[n * n];
        for (var r = 0; r < data.RowCount; r++)
        {
            var (i, j) = (data.RowI[r], data.RowJ[r]);
            var p = Logistic.Sigma(theta[i] - theta[j]);
            var v = data.RowN[r] * p * (1 - p);
            h[(i * n) + i] += v;
            h[(j * n) + j] += v;
            h[(i * n) + j] -= v;
            h[(j * n) + i] -= v;
        }

        return h;
    }

    private static double[] Shifted(double[] h, int n, double shift, double ridge)
    {
        var a = new double[h.Length];
        for (var k = 0; k < a.Length; k++)
        {
            a[k] = h[k] + shift;
        }

        for (var i = 0; i < n; i++)
        {
            a[(i * n) + i] += ridge;
        }

        return a;
    }
}
