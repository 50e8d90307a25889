using System.Numerics;
using System.Runtime.InteropServices;

namespace Cj.Core.Numerics;

/// <summary>Dense LU factorisation with partial pivoting on a row-major n×n array, for general (non-symmetric) systems.</summary>
internal static class DenseLu
{
    /// <summary>
    /// Solves A x = b in place: <paramref name="a"/> is overwritten by its factors and <paramref name="b"/> by x.
    /// Returns false when a pivot is exactly zero (A singular).
    /// </summary>
    public static bool Solve(double[] a, double[] b, int n)
    {
        for (var k = 0; k < n; k++)
        {
            var pivot = k;
            for (var i = k + 1; i < n; i++)
            {
                if (Math.Abs(a[(i * n) + k]) > Math.Abs(a[(pivot * n) + k]))
                {
                    pivot = i;
                }
            }

            if (a[(pivot * n) + k] == 0)
            {
                return false;
            }

            if (pivot != k)
            {
                Swap(a.AsSpan(k * n, n), a.AsSpan(pivot * n, n));
                (b[k], b[pivot]) = (b[pivot], b[k]);
            }

            var rowK = a.AsSpan((k * n) + k + 1, n - k - 1);
            var inverse = 1.0 / a[(k * n) + k];
            for (var i = k + 1; i < n; i++)
            {
                var factor = a[(i * n) + k] * inverse;
                if (factor == 0)
                {
                    continue;
                }

                a[(i * n) + k] = factor;
                SubtractScaled(a.AsSpan((i * n) + k + 1, n - k - 1), rowK, factor);
                b[i] -= factor * b[k];
            }
        }

        for (var i = n - 1; i >= 0; i--)
        {
            var s = b[i] - DenseSpd.Dot(a.AsSpan((i * n) + i + 1, n - i - 1), b.AsSpan(i + 1, n - i - 1));
            b[i] = s / a[(i * n) + i];
        }

        return true;
    }

    private static void Swap(Span<double> x, Span<double> y)
    {
        for (var k = 0; k < x.Length; k++)
        {
            (x[k], y[k]) = (y[k], x[k]);
        }
    }

    /// <summary>y −= f·x over equal-length spans.</summary>
    private static void SubtractScaled(Span<double> y, ReadOnlySpan<double> x, double f)
    {
        var width = Vector<double>.Count;
        var k = 0;
        if (y.Length >= width)
        {
            var vy = MemoryMarshal.Cast<double, Vector<double>>(y);
            var vx = MemoryMarshal.Cast<double, Vector<double>>(x[..y.Length]);
            var vf = new Vector<double>(-f);
            for (var v = 0; v < vy.Length; v++)
            {
                vy[v] = Vector.FusedMultiplyAdd(vx[v], vf, vy[v]);
            }

            k = vy.Length * width;
        }

        for (; k < y.Length; k++)
        {
            y[k] -= f * x[k];
        }
    }
}
