using System.Collections.Immutable;
using Cj.Core.Workflow;

namespace Cj.Core.Tests.Workflow;

/// <summary>
/// Drives <see cref="BatchWorkflow"/> the way a shell does: sends each requested attempt to a judge, delivers the
/// outcomes in a seeded shuffled order (optionally with duplicates), and records every action.
/// </summary>
internal sealed class WorkflowHarness(Func<ComparisonRequest, BatchEvent?> judge, ulong seed = 1, double duplicateRate = 0)
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly CjRandom _random = new(seed);

    public BatchState State { get; private set; } = BatchState.Empty;

    public List<BatchAction> Actions { get; } = [];

    public List<ComparisonRequest> Sent { get; } = [];

    public DateTimeOffset Now { get; private set; } = Start;

    public static ImmutableArray<Essay> Essays(int students, params string[] anchorGrades) =>
    [
        .. Enumerable.Range(0, students).Select(i => Essay.Student($"S{i:D3}")),
        .. anchorGrades.Select((g, i) => Essay.Anchor($"A{i:D3}", g)),
    ];

    /// <summary>Runs the batch to its end (or until <paramref name="maxEvents"/> events) and returns the terminal action.</summary>
    public BatchAction? Run(ImmutableArray<Essay> essays, EngineSettings settings, int? maxComparisons = null, int maxEvents = 100_000)
    {
        var queue = new List<ComparisonRequest>();
        Apply(new BatchCreated(Now, "batch-1", essays, settings with { SplitHalfSplits = 0 }, maxComparisons), queue);
        var events = 0;
        while (queue.Count > 0 && events++ < maxEvents && State.Phase == BatchPhase.Running)
        {
            var index = _random.NextInt(queue.Count);
            var request = queue[index];
            queue.RemoveAt(index);
            Now = Now.AddSeconds(1);
            var outcome = judge(request);
            if (outcome is null)
            {
                continue;
            }

            outcome = outcome with { At = Now };
            Apply(outcome, queue);
            if (_random.NextDouble() < duplicateRate)
            {
                Apply(outcome, queue);
            }
        }

        return Actions.LastOrDefault(a => a is Finalise or Fail);
    }

    public void Apply(BatchEvent @event, List<ComparisonRequest>? queue = null)
    {
        var (state, actions) = BatchWorkflow.Next(State, @event);
        State = state;
        Actions.AddRange(actions);
        foreach (var request in actions.OfType<RequestComparisons>().SelectMany(r => r.Requests))
        {
            Sent.Add(request);
            queue?.Add(request);
        }
    }

    /// <summary>A judge that prefers the essay with the higher true ability with probability σ(Δ).</summary>
    public static Func<ComparisonRequest, BatchEvent?> Perfect(IReadOnlyDictionary<EssayId, double> truth, ulong seed)
    {
        var random = new CjRandom(seed);
        return r => new ComparisonSucceeded(
            Start, r.RequestId, random.NextDouble() < Logistic.Sigma(truth[r.First] - truth[r.Second]) ? r.First : r.Second);
    }

    /// <summary>Students ~ N(0, 1.5²); anchors sit by grade on the legacy scale (0.8 logits a step), so they are ordered.</summary>
    public static IReadOnlyDictionary<EssayId, double> Truth(ImmutableArray<Essay> essays, ulong seed)
    {
        var random = new CjRandom(seed);
        var scale = Core.Grading.GradeScale.Eng5NpLegacy9Step;
        return essays.ToDictionary(
            e => e.Id,
            e => e.IsAnchor ? 0.8 * (scale.IndexOf(e.AnchorGrade) - 5) + (0.1 * random.NextNormal()) : 1.5 * random.NextNormal());
    }
}
