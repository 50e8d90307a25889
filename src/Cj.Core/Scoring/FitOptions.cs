namespace Cj.Core.Scoring;

/// <summary>Settings of one Bradley–Terry fit. Defaults are the production settings of the design.</summary>
public sealed record FitOptions
{
    public static FitOptions Default { get; } = new();

    /// <summary><c>BT_METHOD</c>; default <see cref="BtMethod.Map"/>.</summary>
    public BtMethod Method { get; init; } = BtMethod.Map;

    /// <summary>Prior SD σ of each ability in logits (<c>BT_PRIOR_SD</c>, default 3.0); null fits plain maximum likelihood.</summary>
    public double? PriorSd { get; init; } = 3.0;

    /// <summary><c>BT_POSITION_EFFECT</c>; default estimate (only the MAP method models it).</summary>
    public PositionEffectMode PositionEffect { get; init; } = PositionEffectMode.Estimate;

    /// <summary>Prior SD of the position effect η in logits (<c>BT_POSITION_PRIOR_SD</c>, default 1.0).</summary>
    public double PositionPriorSd { get; init; } = 1.0;

    /// <summary>Above this many essays SEs use the diagonal approximation (<c>BT_DENSE_COVARIANCE_LIMIT</c>, default 3,000).</summary>
    public int DenseCovarianceLimit { get; init; } = 3000;

    /// <summary>When false only point estimates are computed and SEs are the diagonal approximation; for speed-critical refits.</summary>
    public bool ComputeStandardErrors { get; init; } = true;

    /// <summary>When true the full sum-to-zero covariance matrix is returned in <see cref="BtFit.Covariance"/>.</summary>
    public bool KeepCovariance { get; init; }

    /// <summary>sirt's score adjustment ε (<c>BT_SIRT_EPSILON</c>, default 0.3).</summary>
    public double SirtEpsilon { get; init; } = 0.3;

    /// <summary>sirt's convergence threshold on max |Δθ| (<c>BT_SIRT_CONVERGENCE</c>, default 1e-4).</summary>
    public double SirtConvergence { get; init; } = 1e-4;

    /// <summary>sirt's iteration limit (<c>maxit</c>, default 400).</summary>
    public int SirtMaxIterations { get; init; } = 400;

    /// <summary>ILSR's constant regularising rate α (<c>BT_ILSR_ALPHA</c>, default 0.01).</summary>
    public double IlsrAlpha { get; init; } = 0.01;

    /// <summary>Iteration limit of the MAP Newton solver (default 100).</summary>
    public int MaxIterations { get; init; } = 100;
}
