namespace Cj.Core.Pairing;

/// <summary>What the planner knows about one unordered pair: asks so far, whether it failed for good, its last order.</summary>
internal sealed class PairStat
{
    /// <summary>aᵢⱼ: successful plus pending comparisons, including those planned in this wave.</summary>
    public int Asks { get; set; }

    /// <summary>Successful comparisons before this wave.</summary>
    public int Successes { get; set; }

    /// <summary>True when a comparison of the pair failed permanently: it is never planned again.</summary>
    public bool Failed { get; set; }

    /// <summary>True when the pair is already part of the wave being planned.</summary>
    public bool InWave { get; set; }

    /// <summary>The essay shown first in the most recent successful or pending ask; −1 before any.</summary>
    public int LastFirst { get; set; } = -1;
}

/// <summary>How a pair may enter a fill round (§6 step 3).</summary>
internal enum RoundOption
{
    /// <summary>Not plannable in a round.</summary>
    None,

    /// <summary>Never asked (aᵢⱼ = 0): full weight.</summary>
    Fresh,

    /// <summary>Exhaustion: one essay has no unasked partner left, aᵢⱼ &lt; MAX_ASKS_PER_PAIR; swapped order, half weight.</summary>
    Repeat,
}
