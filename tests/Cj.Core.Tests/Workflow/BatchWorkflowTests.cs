using Cj.Core.Pairing;
using Cj.Core.Workflow;

namespace Cj.Core.Tests.Workflow;

public sealed class BatchWorkflowTests
{
    [Fact]
    public void The_full_cap_recipe_runs_exactly_to_the_cap()
    {
        var essays = WorkflowHarness.Essays(20, "F+", "E+", "D+", "C+", "B", "A");
        var harness = new WorkflowHarness(WorkflowHarness.Perfect(WorkflowHarness.Truth(essays, 3), 4), seed: 5);
        var settings = EngineSettings.Default with { MaxPairwiseComparisons = 90, MinComparisonsForStabilityCheck = 91 };
        var end = Assert.IsType<Finalise>(harness.Run(essays, settings));
        Assert.Equal(StopReasons.BudgetExhausted, end.Reason);
        Assert.Equal(90, end.Result.ComparisonsSucceeded);
        Assert.Equal(90, harness.State.Successes);
    }

    [Fact]
    public void A_request_cap_lowers_the_budget()
    {
        var essays = WorkflowHarness.Essays(10, "E+", "B");
        var harness = new WorkflowHarness(WorkflowHarness.Perfect(WorkflowHarness.Truth(essays, 1), 2));
        var settings = EngineSettings.Default with { MinComparisonsForStabilityCheck = 1000 };
        var end = Assert.IsType<Finalise>(harness.Run(essays, settings, maxComparisons: 30));
        Assert.Equal(30, harness.State.Cap);
        Assert.Equal(30, end.Result.ComparisonsSucceeded);
    }

    [Fact]
    public void Default_settings_budget_fifteen_comparisons_per_essay_and_can_stop_early()
    {
        var essays = WorkflowHarness.Essays(30, "F+", "E-", "E+", "D+", "C-", "C+", "B", "A");
        var harness = new WorkflowHarness(WorkflowHarness.Perfect(WorkflowHarness.Truth(essays, 7), 8), seed: 9);
        var end = Assert.IsType<Finalise>(harness.Run(essays, EngineSettings.Default));
        Assert.Equal((int)Math.Ceiling(15 * 38 / 2.0), harness.State.Cap);
        Assert.Contains(end.Reason, new[] { StopReasons.Stable, StopReasons.BudgetExhausted });
        Assert.True(harness.State.Successes <= harness.State.Cap);
        Assert.NotNull(end.Result.Projections);
        Assert.All(end.Result.Projections!.Essays.Where(e => e.EssayId.Value.StartsWith('S')), e => Assert.NotNull(e.Projection));
    }

    [Fact]
    public void Provider_batch_mode_plans_one_wave_and_scores_once()
    {
        var essays = WorkflowHarness.Essays(12, "E+", "C+", "A");
        var harness = new WorkflowHarness(WorkflowHarness.Perfect(WorkflowHarness.Truth(essays, 1), 2));
        var end = Assert.IsType<Finalise>(harness.Run(essays, EngineSettings.Default with { BatchingMode = BatchingMode.ProviderBatchApi, MaxPairwiseComparisons = 60 }));
        Assert.Single(harness.Actions.OfType<RequestComparisons>(), r => r.Requests.Any(q => q.Attempt == 0));
        Assert.Single(harness.Actions.OfType<WaveScored>());
        Assert.Equal(StopReasons.BudgetExhausted, end.Reason);
        Assert.Equal(60, harness.State.Comparisons.Count);
    }

    [Fact]
    public void A_provider_that_always_fails_is_stopped_by_the_tenth_settled_attempt()
    {
        var essays = WorkflowHarness.Essays(30, "E+", "B");
        var harness = new WorkflowHarness(r => new ComparisonFailed(default, r.RequestId, "server_error", true));
        var end = Assert.IsType<Fail>(harness.Run(essays, EngineSettings.Default));
        Assert.Equal(StopReasons.LowSuccessRate, end.Reason);
        var settled = harness.State.Comparisons.SelectMany(c => c.Attempts).Count(a => a.Outcome != AttemptOutcome.Pending);
        Assert.Equal(10, settled);
    }

    [Fact]
    public void A_silent_provider_fails_the_batch_at_the_first_timeouts()
    {
        var essays = WorkflowHarness.Essays(30, "E+", "B");
        var harness = new WorkflowHarness(r => new ComparisonTimedOut(default, r.RequestId));
        var end = Assert.IsType<Fail>(harness.Run(essays, EngineSettings.Default));
        Assert.Equal(StopReasons.LowSuccessRate, end.Reason);

        // Ten first attempts timing out (one timeout period) end the batch; no retry had to time out as well.
        var settled = harness.State.Comparisons.SelectMany(c => c.Attempts.Select((a, k) => (a, k))).Where(x => x.a.Outcome != AttemptOutcome.Pending).ToArray();
        Assert.Equal(10, settled.Length);
        Assert.All(settled, x => Assert.Equal(0, x.k));
    }

    [Fact]
    public void Transient_errors_are_retried_and_the_batch_completes()
    {
        var essays = WorkflowHarness.Essays(16, "E+", "C+", "A");
        var truth = WorkflowHarness.Truth(essays, 11);
        var perfect = WorkflowHarness.Perfect(truth, 12);
        var random = new CjRandom(13);
        var harness = new WorkflowHarness(r => random.NextDouble() < 0.3 ? new ComparisonFailed(default, r.RequestId, "rate_limited", true) : perfect(r), seed: 14);
        var end = Assert.IsType<Finalise>(harness.Run(essays, EngineSettings.Default with { AttemptFailureAbortShare = 0.9 }));
        Assert.Contains(harness.Sent, r => r.Attempt > 0);
        Assert.True(end.Result.ComparisonsSucceeded > 0);
        Assert.True(end.Result.ComparisonsFailed <= end.Result.ComparisonsRequested * 0.05);
    }

    [Fact]
    public void A_verdict_naming_neither_essay_is_never_counted_as_a_win()
    {
        var essays = WorkflowHarness.Essays(3, "E+", "B");
        var harness = new WorkflowHarness(r => new ComparisonSucceeded(default, r.RequestId, new EssayId("Essay A")));
        var end = Assert.IsType<Fail>(harness.Run(essays, EngineSettings.Default));
        Assert.Equal(0, harness.State.Successes);
        Assert.Empty(harness.State.Judgements);
        Assert.Contains(end.Reason, new[] { StopReasons.LowSuccessRate, StopReasons.NoSuccessfulComparisons });
    }

    [Fact]
    public void A_late_success_counts_for_a_comparison_that_had_failed_for_good_and_later_results_are_ignored()
    {
        var essays = WorkflowHarness.Essays(10, "E+", "B");
        var harness = new WorkflowHarness(_ => null);
        var settings = EngineSettings.Default with { MaxRetryAttempts = 1, SplitHalfSplits = 0 };
        harness.Apply(new BatchCreated(harness.Now, "batch-1", essays, settings));
        var first = harness.Sent[0];

        harness.Apply(new ComparisonTimedOut(harness.Now, first.RequestId));
        var retry = Assert.Single(harness.Sent, r => r.ComparisonSeq == first.ComparisonSeq && r.Attempt == 1);
        harness.Apply(new ComparisonFailed(harness.Now, retry.RequestId, "server_error", Retryable: true));
        Assert.Equal(ComparisonStatus.FailedPermanently, harness.State.Comparisons[first.ComparisonSeq].Status);

        // The timed-out first attempt answers after all: its verdict counts (§8), and nothing after it does.
        harness.Apply(new ComparisonSucceeded(harness.Now, first.RequestId, first.Second));
        var comparison = harness.State.Comparisons[first.ComparisonSeq];
        Assert.Equal(ComparisonStatus.Succeeded, comparison.Status);
        Assert.Equal(first.Second, comparison.Judgement!.Winner);
        harness.Apply(new ComparisonSucceeded(harness.Now, retry.RequestId, first.First));
        Assert.Equal(first.Second, harness.State.Comparisons[first.ComparisonSeq].Judgement!.Winner);
        Assert.Equal(1, harness.State.Successes);
        Assert.Equal(2, harness.Sent.Count(r => r.ComparisonSeq == first.ComparisonSeq)); // no further attempt was asked for
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(0, 3)]
    public void Too_few_essays_or_no_students_end_insufficient_without_requests(int students, int anchors)
    {
        var essays = WorkflowHarness.Essays(students, [.. Enumerable.Repeat("B", anchors)]);
        var harness = new WorkflowHarness(_ => null);
        var end = Assert.IsType<Finalise>(harness.Run(essays, EngineSettings.Default));
        Assert.Equal(StopReasons.InsufficientEssays, end.Reason);
        Assert.Empty(harness.Sent);
    }

    [Fact]
    public void One_student_with_anchors_is_graded()
    {
        var essays = WorkflowHarness.Essays(1, "E+", "C+", "A");
        var harness = new WorkflowHarness(WorkflowHarness.Perfect(WorkflowHarness.Truth(essays, 2), 3));
        var end = Assert.IsType<Finalise>(harness.Run(essays, EngineSettings.Default));
        Assert.NotEqual(StopReasons.InsufficientEssays, end.Reason);
        Assert.True(harness.State.Successes > 0);
    }

    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    [InlineData(3UL)]
    [InlineData(4UL)]
    public void Invariants_hold_with_shuffled_duplicated_callbacks(ulong seed)
    {
        var essays = WorkflowHarness.Essays(14, "F+", "D+", "B", "A");
        var harness = new WorkflowHarness(WorkflowHarness.Perfect(WorkflowHarness.Truth(essays, seed), seed + 1), seed, duplicateRate: 0.2);
        harness.Run(essays, EngineSettings.Default with { MaxPairwiseComparisons = 80 });
        Assert.Single(harness.Actions, a => a is Finalise or Fail);
        Assert.Equal(harness.Sent.Count, harness.Sent.Select(r => r.RequestId).Distinct().Count());
        Assert.True(harness.State.Successes <= harness.State.Cap);
        var asks = harness.State.Comparisons.GroupBy(c => (Min(c.First, c.Second), Max(c.First, c.Second)));
        Assert.All(asks, g => Assert.True(g.Count() <= 2));
        Assert.All(asks.Where(g => g.Count() == 2), g => Assert.Equal(g.First().First, g.Last().Second));
        var after = BatchWorkflow.Next(harness.State, new ComparisonSucceeded(harness.Now, harness.Sent[0].RequestId, harness.Sent[0].First));
        Assert.Same(harness.State, after.State);
        Assert.Empty(after.Actions);
    }

    [Fact]
    public void Replaying_the_same_events_gives_the_same_state_and_actions()
    {
        var essays = WorkflowHarness.Essays(10, "E+", "B");
        var first = new WorkflowHarness(WorkflowHarness.Perfect(WorkflowHarness.Truth(essays, 5), 6), seed: 7);
        var second = new WorkflowHarness(WorkflowHarness.Perfect(WorkflowHarness.Truth(essays, 5), 6), seed: 7);
        var a = first.Run(essays, EngineSettings.Default);
        var b = second.Run(essays, EngineSettings.Default);
        Assert.Equal(first.Sent, second.Sent);
        Assert.Equal(((Finalise)a!).Result.Fit.Abilities.ToArray(), ((Finalise)b!).Result.Fit.Abilities.ToArray());
    }

    [Fact]
    public void No_early_stop_below_the_minimum_number_of_successes()
    {
        var essays = WorkflowHarness.Essays(6, "E+", "B");
        var harness = new WorkflowHarness(WorkflowHarness.Perfect(WorkflowHarness.Truth(essays, 8), 9));
        var end = Assert.IsType<Finalise>(harness.Run(essays, EngineSettings.Default with { MinComparisonsForStabilityCheck = 50, ScoreStabilityThreshold = 100 }));
        Assert.True(end.Reason is StopReasons.BudgetExhausted or StopReasons.PairsExhausted || harness.State.Successes >= 50);
    }

    [Fact]
    public void A_deadline_with_every_essay_judged_finalises_and_otherwise_fails()
    {
        var essays = WorkflowHarness.Essays(8, "E+", "B");
        var harness = new WorkflowHarness(_ => null);
        harness.Run(essays, EngineSettings.Default);
        var (state, actions) = BatchWorkflow.Next(harness.State, new BatchDeadlineReached(harness.Now));
        Assert.Equal(BatchPhase.Failed, state.Phase);
        Assert.Equal(StopReasons.DeadlineReached, Assert.IsType<Fail>(Assert.Single(actions)).Reason);
    }

    private static EssayId Min(EssayId a, EssayId b) => a < b ? a : b;

    private static EssayId Max(EssayId a, EssayId b) => a < b ? b : a;
}
