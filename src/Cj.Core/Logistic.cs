namespace Cj.Core;

/// <summary>The logistic function and its logarithms, computed without overflow.</summary>
public static class Logistic
{
    /// <summary>σ(x) = 1/(1+e^−x).</summary>
    public static double Sigma(double x)
    {
        if (x >= 0)
        {
            return 1.0 / (1.0 + Math.Exp(-x));
        }

        var e = Math.Exp(x);
        return e / (1.0 + e);
    }

    /// <summary>log σ(x).</summary>
    public static double LogSigma(double x) =>
        x >= 0 ? -Math.Log(1.0 + Math.Exp(-x)) : x - Math.Log(1.0 + Math.Exp(x));

    /// <summary>log(p/(1−p)).</summary>
    public static double Logit(double p) => Math.Log(p / (1.0 - p));
}
