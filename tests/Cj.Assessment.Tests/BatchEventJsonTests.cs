using System.Collections.Immutable;
using Cj.Assessment.Store;
using Cj.Core;
using Cj.Core.Grading;
using Cj.Core.Workflow;

namespace Cj.Assessment.Tests;

public sealed class BatchEventJsonTests
{
    public static TheoryData<BatchEvent> Events() => new()
    {
        new BatchCreated(
            new DateTimeOffset(2026, 3, 1, 9, 15, 2, 125, TimeSpan.Zero),
            "b1",
            [Essay.Student("S1"), Essay.Anchor("A1", "B-")],
            EngineSettings.Default with { GradeScale = GradeScale.Swedish8Anchor, PairGenerationSeed = ulong.MaxValue, ScoreStabilityThreshold = 0.1 + 0.2 },
            17,
            BatchMode.AnchorAlign),
        new BatchCreated(DateTimeOffset.UnixEpoch, "b2", [Essay.Student("S1")], EngineSettings.Default with { GradeScale = GradeScale.Custom("mine", ["low", "high"]) }),
        new ComparisonSucceeded(DateTimeOffset.UnixEpoch.AddTicks(1), "b1:000001:0", new EssayId("S1"), null, "m", 4.5),
        new ComparisonFailed(DateTimeOffset.UnixEpoch, "b1:000001:1", "TIMEOUT", true),
        new ComparisonTimedOut(DateTimeOffset.UnixEpoch, "b1:000002:0"),
        new BatchDeadlineReached(DateTimeOffset.UnixEpoch),
        new BatchCancelled(DateTimeOffset.UnixEpoch, "because"),
    };

    [Theory]
    [MemberData(nameof(Events))]
    public void A_stored_event_reads_back_to_the_same_event(BatchEvent @event)
    {
        var (kind, payload) = BatchEventJson.Serialize(@event);
        var read = BatchEventJson.Deserialize(kind, payload);
        Assert.Equal(@event.GetType(), read.GetType());
        Assert.Equal(payload, BatchEventJson.Serialize(read).Payload);
        if (@event is BatchCreated created && read is BatchCreated back)
        {
            Assert.Equal(created.Settings, back.Settings);
            Assert.Equal(created.Essays.AsEnumerable(), back.Essays.AsEnumerable());
            Assert.Equal(created.At, back.At);
        }
        else
        {
            Assert.Equal(@event, read);
        }
    }

    [Fact]
    public void Replaying_a_stored_log_rebuilds_the_same_plan()
    {
        var essays = Enumerable.Range(0, 10).Select(i => Essay.Student($"S{i}")).ToImmutableArray();
        var created = new BatchCreated(DateTimeOffset.UnixEpoch, "b", essays, EngineSettings.Default);
        var (state, actions) = BatchWorkflow.Next(BatchState.Empty, created);
        var (kind, payload) = BatchEventJson.Serialize(created);
        var (replayed, replayedActions) = BatchWorkflow.Next(BatchState.Empty, BatchEventJson.Deserialize(kind, payload));
        Assert.Equal(
            state.Comparisons.Select(c => (c.Seq, c.First, c.Second)),
            replayed.Comparisons.Select(c => (c.Seq, c.First, c.Second)));
        Assert.Equal(actions.Length, replayedActions.Length);
    }

    [Fact]
    public void A_batch_stored_before_the_reliability_stop_replays_with_it_off()
    {
        var created = new BatchCreated(DateTimeOffset.UnixEpoch, "old", [Essay.Student("S1"), Essay.Student("S2")], EngineSettings.Default);
        var (kind, payload) = BatchEventJson.Serialize(created);
        Assert.Contains("\"target_reliability\":0.9", payload, StringComparison.Ordinal);
        var old = payload.Replace("\"target_reliability\":0.9,", "", StringComparison.Ordinal);
        Assert.DoesNotContain("target_reliability", old, StringComparison.Ordinal);

        var replayed = Assert.IsType<BatchCreated>(BatchEventJson.Deserialize(kind, old));

        Assert.Equal(0, replayed.Settings.TargetReliability);
        Assert.Equal(0.90, Assert.IsType<BatchCreated>(BatchEventJson.Deserialize(kind, payload)).Settings.TargetReliability);
    }
}
