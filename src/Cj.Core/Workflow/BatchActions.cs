using System.Collections.Immutable;
using Cj.Core.Scoring;

namespace Cj.Core.Workflow;

/// <summary>What the shell must do after an event.</summary>
public abstract record BatchAction;

/// <summary>One attempt of one comparison to send; <see cref="RequestId"/> is <c>{batchId}:{seq:D6}:{attempt}</c>.</summary>
public sealed record ComparisonRequest(string RequestId, int ComparisonSeq, EssayId First, EssayId Second, int Attempt, DateTimeOffset Deadline);

public sealed record RequestComparisons(int Wave, ImmutableArray<ComparisonRequest> Requests) : BatchAction;

/// <summary>A wave ended and was scored; for persistence and metrics. <see cref="Fit"/> is the wave end's refit.</summary>
public sealed record WaveScored(int Wave, WaveSummary Summary, BtFit Fit) : BatchAction;

public sealed record Finalise(string Reason, BatchResult Result) : BatchAction;

/// <summary>The batch failed; the shell cancels in-flight work and publishes the failure event.</summary>
public sealed record Fail(string Reason, string Details, BatchResult PartialResult) : BatchAction;

/// <summary>One row of the wave history.</summary>
public sealed record WaveSummary(int Wave, int Comparisons, int Successes, double? MaxScoreChange, double? Ssr, int Components)
{
    /// <summary>
    /// The empirical-Bayes reliability of ADR 0005; computed only when <c>TARGET_RELIABILITY</c> is set and an early
    /// stop may fire (enough successes, one component).
    /// </summary>
    public double? HonestReliability { get; init; }

    /// <summary>The ability SD estimated with <see cref="HonestReliability"/>; the next wave starts from it.</summary>
    public double? HonestAbilitySd { get; init; }
}
