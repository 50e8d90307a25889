namespace Cj.Core.Scoring;

/// <summary>How Bradley–Terry abilities are estimated (<c>BT_METHOD</c>).</summary>
public enum BtMethod
{
    /// <summary>Maximum a posteriori with a Gaussian prior; the production default.</summary>
    Map,

    /// <summary>Exact emulation of R <c>sirt::btm</c> defaults, for parity with the peer tool.</summary>
    Sirt,

    /// <summary>Regularised iterative Luce spectral ranking, for parity with the system we replace.</summary>
    Ilsr,
}

/// <summary>Whether the first-shown (position) effect η is estimated (<c>BT_POSITION_EFFECT</c>).</summary>
public enum PositionEffectMode
{
    Estimate,
    Off,
}
