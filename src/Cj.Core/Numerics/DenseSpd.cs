using System.Numerics;
using System.Runtime.InteropServices;

namespace Cj.Core.Numerics;

/// <summary>
/// Dense symmetric positive definite algebra on row-major n×n arrays: Cholesky factorisation and the diagonal or
/// the whole of the inverse. Inner loops are contiguous dot products on <see cref="Vector{T}"/>, blocked four rows
/// at a time so each loaded row serves four products.
/// </summary>
internal static class DenseSpd
{
    /// <summary>Overwrites the lower triangle of <paramref name="a"/> with L where A = LLᵀ. Returns false if A is not positive definite.</summary>
    public static bool Cholesky(double[] a, int n)
    {
        for (var j = 0; j < n; j++)
        {
            var rowJ = a.AsSpan(j * n, j);
            var s = a[(j * n) + j] - Dot(rowJ, rowJ);
            if (!(s > 0))
            {
                return false;
            }

            var d = Math.Sqrt(s);
            a[(j * n) + j] = d;
            var inv = 1.0 / d;
            var i = j + 1;
            for (; i + 3 < n; i += 4)
            {
                var (d0, d1, d2, d3) = Dot4(rowJ, a.AsSpan(i * n, j), a.AsSpan((i + 1) * n, j), a.AsSpan((i + 2) * n, j), a.AsSpan((i + 3) * n, j));
                a[(i * n) + j] = (a[(i * n) + j] - d0) * inv;
                a[((i + 1) * n) + j] = (a[((i + 1) * n) + j] - d1) * inv;
                a[((i + 2) * n) + j] = (a[((i + 2) * n) + j] - d2) * inv;
                a[((i + 3) * n) + j] = (a[((i + 3) * n) + j] - d3) * inv;
            }

            for (; i < n; i++)
            {
                a[(i * n) + j] = (a[(i * n) + j] - Dot(rowJ, a.AsSpan(i * n, j))) * inv;
            }
        }

        return true;
    }

    /// <summary>
    /// Given the Cholesky factor L (lower triangle of <paramref name="l"/>), returns Y with row i holding column i of
    /// L⁻¹ (entries before i are zero). Then (A⁻¹)ᵢⱼ = Yᵢ·Yⱼ.
    /// </summary>
    public static double[] InverseFactorColumns(double[] l, int n) => InverseFactorColumns(l, n, new double[n * n]);

    /// <summary>As <see cref="InverseFactorColumns(double[], int)"/>, into <paramref name="y"/> (at least n², entries before the diagonal left as they are).</summary>
    public static double[] InverseFactorColumns(double[] l, int n, double[] y)
    {
        for (var i = 0; i < n; i++)
        {
            var yi = y.AsSpan(i * n, n);
            for (var k = i; k < n; k++)
            {
                var s = k == i ? 1.0 : 0.0;
                s -= Dot(l.AsSpan((k * n) + i, k - i), yi.Slice(i, k - i));
                yi[k] = s / l[(k * n) + k];
            }
        }

        return y;
    }

    /// <summary>The diagonal of A⁻¹ from the rows of <see cref="InverseFactorColumns(double[], int)"/>.</summary>
    public static double[] InverseDiagonal(double[] y, int n)
    {
        var diagonal = new double[n];
        for (var i = 0; i < n; i++)
        {
            var row = y.AsSpan((i * n) + i, n - i);
            diagonal[i] = Dot(row, row);
        }

        return diagonal;
    }

    /// <summary>The whole of A⁻¹ (row-major) from the rows of <see cref="InverseFactorColumns(double[], int)"/>.</summary>
    public static double[] Inverse(double[] y, int n) => Inverse(y, n, new double[n * n]);

    /// <summary>As <see cref="Inverse(double[], int)"/>, into <paramref name="inverse"/> (at least n², every entry written).</summary>
    public static double[] Inverse(double[] y, int n, double[] inverse)
    {
        for (var i = 0; i < n; i++)
        {
            for (var j = i; j < n; j++)
            {
                var v = Dot(y.AsSpan((i * n) + j, n - j), y.AsSpan((j * n) + j, n - j));
                inverse[(i * n) + j] = v;
                inverse[(j * n) + i] = v;
            }
        }

        return inverse;
    }

    public static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        var width = Vector<double>.Count;
        var k = 0;
        var sum = 0.0;
        if (x.Length >= width)
        {
            var vx = MemoryMarshal.Cast<double, Vector<double>>(x);
            var vy = MemoryMarshal.Cast<double, Vector<double>>(y[..x.Length]);
            var acc0 = Vector<double>.Zero;
            var acc1 = Vector<double>.Zero;
            var v = 0;
            for (; v + 1 < vx.Length; v += 2)
            {
                acc0 = Vector.FusedMultiplyAdd(vx[v], vy[v], acc0);
                acc1 = Vector.FusedMultiplyAdd(vx[v + 1], vy[v + 1], acc1);
            }

            if (v < vx.Length)
            {
                acc0 = Vector.FusedMultiplyAdd(vx[v], vy[v], acc0);
            }

            sum = Vector.Sum(acc0 + acc1);
            k = vx.Length * width;
        }

        for (; k < x.Length; k++)
        {
            sum += x[k] * y[k];
        }

        return sum;
    }

    private static (double, double, double, double) Dot4(
        ReadOnlySpan<double> x, ReadOnlySpan<double> y0, ReadOnlySpan<double> y1, ReadOnlySpan<double> y2, ReadOnlySpan<double> y3)
    {
        var width = Vector<double>.Count;
        var vectors = x.Length / width;
        var vx = MemoryMarshal.Cast<double, Vector<double>>(x);
        var v0 = MemoryMarshal.Cast<double, Vector<double>>(y0);
        var v1 = MemoryMarshal.Cast<double, Vector<double>>(y1);
        var v2 = MemoryMarshal.Cast<double, Vector<double>>(y2);
        var v3 = MemoryMarshal.Cast<double, Vector<double>>(y3);
        Vector<double> a0 = default, a1 = default, a2 = default, a3 = default;
        for (var v = 0; v < vectors; v++)
        {
            var xv = vx[v];
            a0 = Vector.FusedMultiplyAdd(xv, v0[v], a0);
            a1 = Vector.FusedMultiplyAdd(xv, v1[v], a1);
            a2 = Vector.FusedMultiplyAdd(xv, v2[v], a2);
            a3 = Vector.FusedMultiplyAdd(xv, v3[v], a3);
        }

        double s0 = Vector.Sum(a0), s1 = Vector.Sum(a1), s2 = Vector.Sum(a2), s3 = Vector.Sum(a3);
        for (var k = vectors * width; k < x.Length; k++)
        {
            s0 += x[k] * y0[k];
            s1 += x[k] * y1[k];
            s2 += x[k] * y2[k];
            s3 += x[k] * y3[k];
        }

        return (s0, s1, s2, s3);
    }
}
