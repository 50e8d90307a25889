using System.Collections.Immutable;
using Cj.Core.Grading;
using Cj.Core.Scoring;

namespace Cj.Core.Pairing;

/// <summary>How pairs are chosen (<c>PAIR_MATCHING_STRATEGY</c>); <c>optimal_graph</c> is an alias for <see cref="Original"/>.</summary>
public enum PairMatchingStrategy
{
    /// <summary>Connectivity first, balanced exposure, information-seeking pairs with exploration, anchor bracketing.</summary>
    Adaptive,

    /// <summary>Random partners (exploration share 1) with connectivity repair only.</summary>
    Random,

    /// <summary>The replaced system's policy: one maximum-weight matching per wave.</summary>
    Original,
}

/// <summary>Where a comparison stands.</summary>
public enum ComparisonStatus
{
    Pending,
    Succeeded,
    FailedPermanently,
}

/// <summary>One comparison asked so far, in its fixed order (first shown, second shown).</summary>
public sealed record PairRecord(EssayId First, EssayId Second, ComparisonStatus Status);

/// <summary>
/// Everything the planner may look at when planning wave <see cref="Wave"/> (1 = the first wave). Essays are in
/// ordinal id order; <see cref="Fit"/> and <see cref="Calibration"/> are null before the first fit.
/// </summary>
public sealed record PlanningState(
    ImmutableArray<Essay> Essays,
    ImmutableArray<PairRecord> Comparisons,
    BtFit? Fit,
    GradeCalibration? Calibration,
    int Wave,
    int WaveSize,
    int RemainingBudget);

/// <summary>Settings of the planner (engine design §6 and §7), with the design's defaults.</summary>
public sealed record PairingOptions
{
    public static PairingOptions Default { get; } = new();

    public PairMatchingStrategy Strategy { get; init; } = PairMatchingStrategy.Adaptive;

    /// <summary><c>PAIRING_EXPLORATION_SHARE</c>: the chance an eligible essay takes a random partner (default 0.75).</summary>
    public double ExplorationShare { get; init; } = 0.75;

    /// <summary><c>SWAP_REASK_SHARE</c>: share of a wave spent re-asking pairs judged once, in reverse order (default 0.10).</summary>
    public double SwapReaskShare { get; init; } = 0.10;

    /// <summary><c>MAX_ASKS_PER_PAIR</c> (default 2).</summary>
    public int MaxAsksPerPair { get; init; } = 2;

    /// <summary><c>ANCHOR_BRACKET_BONUS</c> β (default 1.0).</summary>
    public double AnchorBracketBonus { get; init; } = 1.0;

    /// <summary><c>PAIRING_MAX_CANDIDATES_PER_ESSAY</c> above 200 essays (default 30).</summary>
    public int MaxCandidatesPerEssay { get; init; } = 30;

    /// <summary>Prior SD used as the SE of essays before the first fit (default 3.0, <c>BT_PRIOR_SD</c>).</summary>
    public double PriorSd { get; init; } = 3.0;

    /// <summary><c>MATCHING_WEIGHT_COMPARISON_COUNT</c> for the original policy (default 1.0).</summary>
    public double MatchingWeightComparisonCount { get; init; } = 1.0;

    /// <summary><c>MATCHING_WEIGHT_BT_PROXIMITY</c> for the original policy (default 0.5).</summary>
    public double MatchingWeightBtProximity { get; init; } = 0.5;
}

/// <summary>Why a pair is in a wave.</summary>
public enum PairKind
{
    Cycle,
    Bridge,
    SwapReask,
    Round,
    Repeat,
    Matching,
}

/// <summary>One planned comparison, in presentation order.</summary>
public sealed record PlannedPair(EssayId First, EssayId Second, PairKind Kind);

/// <summary>The comparisons of one wave; empty when no pair can be planned (the batch then ends <c>pairs_exhausted</c>).</summary>
public sealed record WavePlan(ImmutableArray<PlannedPair> Pairs);
