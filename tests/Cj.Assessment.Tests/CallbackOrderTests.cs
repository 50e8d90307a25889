using Cj.Assessment.Tests.Support;
using Cj.Contracts;

namespace Cj.Assessment.Tests;

public sealed class CallbackOrderTests
{
    [Fact]
    public async Task Duplicate_reordered_late_and_unknown_callbacks_change_nothing()
    {
        var clean = await RunAsync(disorder: false);
        var disordered = await RunAsync(disorder: true);

        Assert.Equal(clean.Summary.StopReason, disordered.Summary.StopReason);
        Assert.Equal(clean.Summary.Comparisons, disordered.Summary.Comparisons);
        Assert.Equal(clean.Essays.Count, disordered.Essays.Count);
        foreach (var (a, b) in clean.Essays.Zip(disordered.Essays))
        {
            Assert.Equal(
                (a.EssayId, a.BtScore, a.StandardError, a.Rank, a.Wins, a.Losses, a.LetterGrade),
                (b.EssayId, b.BtScore, b.StandardError, b.Rank, b.Wins, b.Losses, b.LetterGrade));
        }
    }

    /// <summary>
    /// Runs one batch with a fixed pairing seed. With <paramref name="disorder"/>, each wave's callbacks are held until
    /// the whole wave was requested, then published in reverse order, each twice with its event id and once more with
    /// a new event id, plus a callback for an unknown correlation id and a late copy of an earlier wave's callback.
    /// </summary>
    private static async Task<(CjAssessmentCompletedV1 Summary, IReadOnlyList<EssayResult> Essays)> RunAsync(bool disorder)
    {
        await using var stack = await AssessmentStack.StartAsync(o => o with { Engine = o.Engine with { PairGenerationSeed = 42, SplitHalfSplits = 10 } });
        var seeded = await Scenario.SeedAsync(stack, students: 6);
        stack.Llm.Holding = disorder;
        var batchId = Guid.NewGuid();
        await Scenario.PublishAsync(stack, Scenario.Request(batchId, seeded.AssignmentId, seeded.Students, seeded.PromptStorageId));
        EventEnvelope<LlmComparisonResultV1>? earlier = null;
        while (disorder && stack.Events.Completed(batchId).Count == 0 && stack.Events.Failed(batchId).Count == 0)
        {
            await Wait.UntilAsync(
                async () => stack.Events.Completed(batchId).Count > 0
                    || (stack.Llm.HeldCount > 0 && (await stack.StatusAsync(batchId))?.Comparisons.Requested == stack.Llm.AcceptedCount),
                "a fully requested wave");
            var previous = earlier;
            await stack.Llm.ReleaseAsync(wave =>
            {
                var reversed = wave.Reverse().ToList();
                if (reversed.Count == 0)
                {
                    return [];
                }

                var unknown = reversed[0] with { EventId = Guid.NewGuid(), CorrelationId = batchId + ":999999:0", Data = reversed[0].Data with { CorrelationId = batchId + ":999999:0" } };
                IEnumerable<EventEnvelope<LlmComparisonResultV1>> late = previous is null ? [] : [previous with { EventId = Guid.NewGuid() }];
                return [unknown, .. late, .. reversed.SelectMany(c => new[] { c, c, c with { EventId = Guid.NewGuid() } })];
            });
            earlier = stack.Llm.Published[^1];
        }

        await stack.Events.WaitForOutcomeAsync(batchId);
        var completed = Assert.Single(stack.Events.Completed(batchId)).Data;
        var result = Assert.Single(stack.Events.Results(batchId)).Data;

        // Repeated callbacks are not counted again.
        var metrics = await stack.Http.GetStringAsync("metrics");
        var settled = metrics.Split('\n').Single(l => l.StartsWith("cj_comparisons_total{outcome=\"succeeded\"} ", StringComparison.Ordinal));
        Assert.Equal(completed.Comparisons.Succeeded, int.Parse(settled.Split(' ')[^1], System.Globalization.CultureInfo.InvariantCulture));
        return (completed, result.EssayResults);
    }
}
