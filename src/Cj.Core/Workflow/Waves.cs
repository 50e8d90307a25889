using System.Collections.Immutable;
using Cj.Core.Diagnostics;
using Cj.Core.Grading;
using Cj.Core.Pairing;
using Cj.Core.Scoring;

namespace Cj.Core.Workflow;

/// <summary>Planning waves and the wave end of the engine design §7: refit, fail, early stop, budget, next wave.</summary>
internal static class Waves
{
    public static (BatchState, ImmutableArray<BatchAction>) PlanNext(BatchState state, DateTimeOffset at, BtFit? fit = null, GradeCalibration? calibration = null)
    {
        var wave = state.Wave + 1;
        var planning = new PlanningState(
            state.Essays,
            [.. state.Comparisons.Select(c => new PairRecord(c.First, c.Second, c.Status))],
            fit,
            calibration,
            wave,
            state.Settings.WaveSizeFor(state.Essays.Length),
            state.Cap - state.BudgetUse);
        var random = CjRandom.ForWave(state.Seed, wave);
        var plan = state.Settings.BatchingMode == BatchingMode.ProviderBatchApi
            ? PairPlanner.PlanAllAtOnce(planning, state.Settings.Pairing, random, state.Cap)
            : PairPlanner.PlanWave(planning, state.Settings.Pairing, random);
        if (plan.Pairs.IsEmpty)
        {
            return Terminal.Finalise(state, StopReasons.PairsExhausted, fit);
        }

        var comparisons = state.Comparisons.ToBuilder();
        var requests = state.Requests.ToBuilder();
        var sends = ImmutableArray.CreateBuilder<ComparisonRequest>(plan.Pairs.Length);
        var deadline = at + state.Settings.ComparisonTimeout;
        foreach (var pair in plan.Pairs)
        {
            var seq = comparisons.Count;
            var id = BatchWorkflow.RequestId(state.BatchId, seq, 0);
            comparisons.Add(new ComparisonState(seq, pair.First, pair.Second, wave, [new AttemptState(id, AttemptOutcome.Pending)], ComparisonStatus.Pending, null));
            requests.Add(id, (seq, 0));
            sends.Add(new ComparisonRequest(id, seq, pair.First, pair.Second, 0, deadline));
        }

        var next = state with { Wave = wave, Comparisons = comparisons.ToImmutable(), Requests = requests.ToImmutable() };
        return (next, [new RequestComparisons(wave, sends.ToImmutable())]);
    }

    /// <summary>Runs the wave end once every comparison of the current wave has succeeded or failed for good.</summary>
    public static (BatchState, ImmutableArray<BatchAction>) AfterSettled(BatchState state, DateTimeOffset at) =>
        CurrentWave(state).Any(c => c.Status == ComparisonStatus.Pending)
            ? (state, [])
            : WaveEnd(state, at);

    /// <summary>
    /// The comparisons of the current wave, newest first. Waves only ever append comparisons (a retry keeps its
    /// comparison and wave), so the current wave is the tail of <see cref="BatchState.Comparisons"/>: reading it
    /// costs the wave's size, not the batch's.
    /// </summary>
    public static IEnumerable<ComparisonState> CurrentWave(BatchState state)
    {
        for (var i = state.Comparisons.Count - 1; i >= 0; i--)
        {
            var comparison = state.Comparisons[i];
            if (comparison.Wave < state.Wave)
            {
                yield break;
            }

            if (comparison.Wave == state.Wave)
            {
                yield return comparison;
            }
        }
    }

    /// <summary>Within the current wave: at least the minimum of attempts settled and at least the abort share of them failed.</summary>
    public static bool PromptAbort(BatchState state)
    {
        var settled = 0;
        var failed = 0;
        foreach (var attempt in CurrentWave(state).SelectMany(c => c.Attempts))
        {
            if (attempt.Outcome == AttemptOutcome.Pending)
            {
                continue;
            }

            settled++;
            failed += attempt.Outcome is AttemptOutcome.Failed or AttemptOutcome.TimedOut ? 1 : 0;
        }

        return settled >= state.Settings.MinAttemptsForAbort && failed >= state.Settings.AttemptFailureAbortShare * settled;
    }

    private static (BatchState, ImmutableArray<BatchAction>) WaveEnd(BatchState state, DateTimeOffset at)
    {
        var settings = state.Settings;
        var fit = Terminal.Refit(state);
        var previous = state.LastCheckedAbilities;
        double? maxChange = previous.IsEmpty ? null : fit.Abilities.Zip(previous, (a, b) => Math.Abs(a - b)).DefaultIfEmpty(0).Max();
        var honest = StopRules.HonestReliability(
            settings, state.Essays, state.Judgements, state.Successes, fit, state.LastHonestAbilitySd);
        var summary = new WaveSummary(
            state.Wave, CurrentWave(state).Count(), state.Successes, maxChange, Reliability.Of(fit).Ssr, fit.ComponentCount)
        {
            HonestReliability = honest?.Value,
            HonestAbilitySd = honest is { Value: not null, AbilitySd: > 0 } h ? h.AbilitySd : null,
        };
        state = state with { Waves = state.Waves.Add(summary), LastCheckedAbilities = fit.Abilities };
        ImmutableArray<BatchAction> scored = [new WaveScored(summary.Wave, summary, fit)];

        var settled = state.Successes + state.PermanentlyFailed;
        if (state.Successes == 0)
        {
            return Then(scored, Terminal.Failure(state, StopReasons.NoSuccessfulComparisons, "no comparison succeeded", fit));
        }

        if ((double)state.Successes / settled < settings.MinSuccessRateThreshold)
        {
            return Then(scored, Terminal.Failure(state, StopReasons.LowSuccessRate, $"{state.Successes} of {settled} settled comparisons succeeded", fit));
        }

        if (settings.BatchingMode == BatchingMode.ProviderBatchApi)
        {
            var exhausted = state.Comparisons.Count >= state.Cap ? StopReasons.BudgetExhausted : StopReasons.PairsExhausted;
            return Then(scored, Terminal.Finalise(state, exhausted, fit));
        }

        var calibration = StopRules.MainCalibration(state.Essays, fit, settings);
        if (StopRules.EarlyStop(settings, state.Essays, state.Successes, fit, calibration, maxChange, honest) is { } reason)
        {
            return Then(scored, Terminal.Finalise(state, reason, fit));
        }

        if (state.BudgetUse >= state.Cap)
        {
            return Then(scored, Terminal.Finalise(state, StopReasons.BudgetExhausted, fit));
        }

        return Then(scored, PlanNext(state, at, fit, calibration));
    }

    private static (BatchState, ImmutableArray<BatchAction>) Then(ImmutableArray<BatchAction> first, (BatchState State, ImmutableArray<BatchAction> Actions) next) =>
        (next.State, first.AddRange(next.Actions));
}
