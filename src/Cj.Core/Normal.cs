namespace Cj.Core;

/// <summary>The standard normal distribution. .NET has none built in; absolute error of Φ is below 1e-15.</summary>
public static class Normal
{
    private const double InvSqrtPi = 0.56418958354775628695;
    private const double Sqrt2 = 1.41421356237309504880;

    /// <summary>Φ(x), the standard normal CDF. Φ(−∞) = 0 and Φ(+∞) = 1.</summary>
    public static double Cdf(double x)
    {
        if (double.IsNaN(x))
        {
            throw new ArgumentException("Φ of NaN is undefined.", nameof(x));
        }

        return x < 0 ? 0.5 * Erfc(-x / Sqrt2) : 1.0 - (0.5 * Erfc(x / Sqrt2));
    }

    /// <summary>The complementary error function for z ≥ 0 (negative z by reflection).</summary>
    public static double Erfc(double z)
    {
        if (z < 0)
        {
            return 2.0 - Erfc(-z);
        }

        if (double.IsPositiveInfinity(z) || z > 27)
        {
            return 0.0;
        }

        return z < 3.0 ? 1.0 - ErfSeries(z) : ErfcContinuedFraction(z);
    }

    // erf(z) = 2/√π · e^(−z²) · Σ 2ⁿ z^(2n+1) / (1·3·…·(2n+1)): every term positive, so no cancellation.
    private static double ErfSeries(double z)
    {
        var z2 = z * z;
        var term = z;
        var sum = z;
        for (var n = 1; n < 200; n++)
        {
            term *= 2.0 * z2 / ((2 * n) + 1);
            sum += term;
            if (term < sum * 1e-17)
            {
                break;
            }
        }

        return 2.0 * InvSqrtPi * Math.Exp(-z2) * sum;
    }

    // erfc(z) = e^(−z²)/√π · 1/(z + ½/(z + 1/(z + 3/2/(z + …)))), evaluated backwards; ample depth for z ≥ 3.
    private static double ErfcContinuedFraction(double z)
    {
        var tail = z;
        for (var k = 80; k >= 1; k--)
        {
            tail = z + (k / 2.0 / tail);
        }

        return InvSqrtPi * Math.Exp(-z * z) / tail;
    }
}
