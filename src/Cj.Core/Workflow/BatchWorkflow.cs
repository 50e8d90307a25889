using System.Collections.Immutable;
using Cj.Core.Pairing;

namespace Cj.Core.Workflow;

/// <summary>
/// The batch state machine (engine design §8): the one place that decides what happens next. Pure and idempotent:
/// a duplicate, unknown or late event and any event after the batch ended change nothing and emit nothing.
/// </summary>
public static class BatchWorkflow
{
    public static (BatchState State, ImmutableArray<BatchAction> Actions) Next(BatchState state, BatchEvent @event)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(@event);
        if (state.Phase is BatchPhase.Completed or BatchPhase.Failed)
        {
            return (state, []);
        }

        return (state.Phase, @event) switch
        {
            (BatchPhase.Empty, BatchCreated created) => Start(created),
            (BatchPhase.Running, ComparisonSucceeded success) => Succeed(state, success),
            (BatchPhase.Running, ComparisonFailed failure) => Settle(state, failure.RequestId, AttemptOutcome.Failed, failure.Retryable, failure.At),
            (BatchPhase.Running, ComparisonTimedOut timeout) => Settle(state, timeout.RequestId, AttemptOutcome.TimedOut, true, timeout.At),
            (BatchPhase.Running, BatchDeadlineReached deadline) => Deadline(state, deadline.At),
            (BatchPhase.Running, BatchCancelled cancelled) => Terminal.Failure(state, StopReasons.Cancelled, cancelled.Reason),
            _ => (state, []),
        };
    }

    /// <summary>The deterministic request id of an attempt: <c>{batchId}:{seq:D6}:{attempt}</c>.</summary>
    public static string RequestId(string batchId, int seq, int attempt) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{batchId}:{seq:D6}:{attempt}");

    /// <summary>FNV-1a-64 of the batch id: the default pairing seed.</summary>
    public static ulong SeedOf(string batchId)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in System.Text.Encoding.UTF8.GetBytes(batchId))
        {
            hash = unchecked((hash ^ b) * 1099511628211UL);
        }

        return hash;
    }

    private static (BatchState, ImmutableArray<BatchAction>) Start(BatchCreated created)
    {
        var essays = created.Essays.DistinctBy(e => e.Id).OrderBy(e => e.Id).ToImmutableArray();
        var settings = created.Settings;
        var state = BatchState.Empty with
        {
            Phase = BatchPhase.Running,
            BatchId = created.BatchId,
            Mode = created.Mode,
            Settings = settings,
            Seed = settings.PairGenerationSeed ?? SeedOf(created.BatchId),
            Essays = essays,
            Cap = settings.CapFor(essays.Length, created.RequestMaxComparisons),
        };
        var students = essays.Count(e => !e.IsAnchor);
        if (essays.Length < 2 || (created.Mode == BatchMode.Normal && students == 0))
        {
            return Terminal.Finalise(state, StopReasons.InsufficientEssays);
        }

        return Waves.PlanNext(state, created.At);
    }

    private static (BatchState, ImmutableArray<BatchAction>) Succeed(BatchState state, ComparisonSucceeded success)
    {
        if (!state.Requests.TryGetValue(success.RequestId, out var where))
        {
            return (state, []);
        }

        // A late success counts while its comparison has no success yet, even one already failed for good (§8): the call
        // was made and paid for, and its verdict is as good as any other. Later results for that comparison are ignored,
        // and a late verdict naming neither essay changes nothing (Settle leaves a settled comparison alone).
        var comparison = state.Comparisons[where.Seq];
        if (comparison.Status == ComparisonStatus.Succeeded)
        {
            return (state, []);
        }

        if (success.WinnerId != comparison.First && success.WinnerId != comparison.Second)
        {
            // A verdict naming neither essay is a failed attempt, never a default winner.
            return Settle(state, success.RequestId, AttemptOutcome.Failed, true, success.At);
        }

        var loser = success.WinnerId == comparison.First ? comparison.Second : comparison.First;
        var judgement = new Judgement(success.WinnerId, loser, comparison.First, success.JudgeId ?? success.Model, comparison.Seq);
        var updated = comparison with
        {
            Attempts = comparison.Attempts.SetItem(where.Attempt, comparison.Attempts[where.Attempt] with { Outcome = AttemptOutcome.Succeeded }),
            Status = ComparisonStatus.Succeeded,
            Judgement = judgement,
        };
        var next = state with { Comparisons = state.Comparisons.SetItem(where.Seq, updated) };
        return Waves.AfterSettled(next, success.At);
    }

    private static (BatchState, ImmutableArray<BatchAction>) Settle(BatchState state, string requestId, AttemptOutcome outcome, bool retryable, DateTimeOffset at)
    {
        if (!state.Requests.TryGetValue(requestId, out var where))
        {
            return (state, []);
        }

        var comparison = state.Comparisons[where.Seq];
        var attempt = comparison.Attempts[where.Attempt];
        if (attempt.Outcome != AttemptOutcome.Pending || comparison.Status != ComparisonStatus.Pending)
        {
            return (state, []);
        }

        var attempts = comparison.Attempts.SetItem(where.Attempt, attempt with { Outcome = outcome });
        var latest = where.Attempt == comparison.Attempts.Count - 1;
        var canRetry = retryable && latest && attempts.Count < 1 + state.Settings.MaxRetryAttempts;
        var stillWaiting = !latest; // a newer attempt of this comparison is still in flight
        var status = canRetry || stillWaiting ? ComparisonStatus.Pending : ComparisonStatus.FailedPermanently;
        var actions = ImmutableArray<BatchAction>.Empty;
        if (canRetry)
        {
            var id = RequestId(state.BatchId, comparison.Seq, attempts.Count);
            attempts = attempts.Add(new AttemptState(id, AttemptOutcome.Pending));
            state = state with { Requests = state.Requests.Add(id, (comparison.Seq, attempts.Count - 1)) };
            actions = [new RequestComparisons(comparison.Wave, [new ComparisonRequest(id, comparison.Seq, comparison.First, comparison.Second, attempts.Count - 1, at + state.Settings.ComparisonTimeout)])];
        }

        state = state with { Comparisons = state.Comparisons.SetItem(where.Seq, comparison with { Attempts = attempts, Status = status }) };
        if (Waves.PromptAbort(state))
        {
            return Terminal.Failure(state, StopReasons.LowSuccessRate, "too many failed attempts in the current wave");
        }

        var (after, more) = Waves.AfterSettled(state, at);
        return (after, actions.AddRange(more));
    }

    private static (BatchState, ImmutableArray<BatchAction>) Deadline(BatchState state, DateTimeOffset at)
    {
        _ = at;
        var fit = Terminal.Refit(state);
        var everyEssayJudged = state.Essays.All(e => state.Judgements.Any(j => j.Winner == e.Id || j.Loser == e.Id));
        return fit.ComponentCount == 1 && everyEssayJudged
            ? Terminal.Finalise(state, StopReasons.DeadlineReached)
            : Terminal.Failure(state, StopReasons.DeadlineReached, "the batch deadline passed before every essay was judged in one connected graph");
    }
}
