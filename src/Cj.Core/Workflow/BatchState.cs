using System.Collections.Immutable;
using Cj.Core.Pairing;

namespace Cj.Core.Workflow;

public enum BatchPhase
{
    Empty,
    Running,
    Completed,
    Failed,
}

public enum AttemptOutcome
{
    Pending,
    Succeeded,
    Failed,
    TimedOut,
}

/// <summary>One attempt of a comparison.</summary>
public sealed record AttemptState(string RequestId, AttemptOutcome Outcome);

/// <summary>One planned comparison: its fixed order, wave, attempts, status and (on success) the judgement.</summary>
public sealed record ComparisonState(
    int Seq,
    EssayId First,
    EssayId Second,
    int Wave,
    ImmutableList<AttemptState> Attempts,
    ComparisonStatus Status,
    Judgement? Judgement);

/// <summary>
/// The whole state of a batch, immutable: replaying the same events gives the same state (engine design §8).
/// </summary>
public sealed record BatchState
{
    public static BatchState Empty { get; } = new();

    public BatchPhase Phase { get; init; } = BatchPhase.Empty;

    public string BatchId { get; init; } = "";

    public BatchMode Mode { get; init; }

    public EngineSettings Settings { get; init; } = EngineSettings.Default;

    public ulong Seed { get; init; }

    public ImmutableArray<Essay> Essays { get; init; } = [];

    public int Cap { get; init; }

    public int Wave { get; init; }

    public ImmutableList<ComparisonState> Comparisons { get; init; } = [];

    /// <summary>Request id → (comparison seq, attempt index).</summary>
    public ImmutableDictionary<string, (int Seq, int Attempt)> Requests { get; init; } = ImmutableDictionary<string, (int, int)>.Empty;

    public ImmutableList<WaveSummary> Waves { get; init; } = [];

    /// <summary>Abilities at the last stability check, in essay order; empty before the first check.</summary>
    public ImmutableArray<double> LastCheckedAbilities { get; init; } = [];

    public string? TerminalReason { get; init; }

    public int Successes => Comparisons.Count(c => c.Status == ComparisonStatus.Succeeded);

    public int Pending => Comparisons.Count(c => c.Status == ComparisonStatus.Pending);

    public int PermanentlyFailed => Comparisons.Count(c => c.Status == ComparisonStatus.FailedPermanently);

    /// <summary>Budget use: successful plus in-flight comparisons (retries are free; a permanent failure frees its slot).</summary>
    public int BudgetUse => Successes + Pending;

    public IEnumerable<Judgement> Judgements => Comparisons.Where(c => c.Judgement is not null).Select(c => c.Judgement!);

    /// <summary>The ability SD of the last empirical-Bayes estimate (ADR 0005), where the next one starts; null before any.</summary>
    public double? LastHonestAbilitySd => Waves.LastOrDefault(w => w.HonestAbilitySd is not null)?.HonestAbilitySd;
}
