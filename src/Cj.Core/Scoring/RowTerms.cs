using System.Numerics;
using System.Runtime.InteropServices;

namespace Cj.Core.Scoring;

/// <summary>The per-row terms of the Bradley–Terry log-likelihood, evaluated on whole vectors.</summary>
internal static class RowTerms
{
    /// <summary>
    /// For each row with linear predictor ηᵣ (passed in <paramref name="linear"/>), N trials and W wins of the first
    /// essay: returns Σ [W log σ(ηᵣ) + (N − W) log σ(−ηᵣ)], overwrites <paramref name="linear"/> with the residual
    /// W − N·p and fills <paramref name="weights"/> with N·p(1 − p).
    /// </summary>
    public static double Evaluate(Span<double> linear, ReadOnlySpan<double> count, ReadOnlySpan<double> wins, Span<double> weights)
    {
        var width = Vector<double>.Count;
        var vectors = linear.Length / width;
        var vl = MemoryMarshal.Cast<double, Vector<double>>(linear);
        var vn = MemoryMarshal.Cast<double, Vector<double>>(count);
        var vw = MemoryMarshal.Cast<double, Vector<double>>(wins);
        var vv = MemoryMarshal.Cast<double, Vector<double>>(weights);
        var total = Vector<double>.Zero;
        var one = Vector<double>.One;
        for (var k = 0; k < vectors; k++)
        {
            var l = vl[k];
            var e = Vector.Exp(-Vector.Abs(l));
            var inverse = one / (one + e);
            var p = Vector.ConditionalSelect(Vector.GreaterThanOrEqual(l, Vector<double>.Zero), inverse, e * inverse);
            var logP = Vector.Min(l, Vector<double>.Zero) - Vector.Log(one + e);
            var n = vn[k];
            var w = vw[k];
            total += (w * logP) + ((n - w) * (logP - l));
            vl[k] = w - (n * p);
            vv[k] = n * p * (one - p);
        }

        var value = Vector.Sum(total);
        for (var r = vectors * width; r < linear.Length; r++)
        {
            var l = linear[r];
            var e = Math.Exp(-Math.Abs(l));
            var p = l >= 0 ? 1.0 / (1.0 + e) : e / (1.0 + e);
            var logP = Math.Min(l, 0) - Math.Log(1.0 + e);
            value += (wins[r] * logP) + ((count[r] - wins[r]) * (logP - l));
            linear[r] = wins[r] - (count[r] * p);
            weights[r] = count[r] * p * (1 - p);
        }

        return value;
    }
}
