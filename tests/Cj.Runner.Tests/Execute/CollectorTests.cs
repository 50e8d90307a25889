using Cj.Contracts;
using Cj.Hosting.Bus;
using Cj.Runner.Artefact;
using Cj.Runner.Execute;
using Cj.Runner.Logging;
using Microsoft.Extensions.Logging;

namespace Cj.Runner.Tests.Execute;

/// <summary>
/// The collector's comparison results arrive on their own subscription, which may lag behind the outcome's (a slow disk
/// under the event files). The run must not end before every comparison the outcome counts as succeeded is collected.
/// </summary>
public sealed class CollectorTests
{
    private static readonly Guid BatchUuid = Guid.Parse("4f1d2c3b-0a9e-4b8c-9d7e-6f5a4b3c2d1e");

    [Fact]
    public async Task The_outcome_waits_for_every_comparison_it_counts_as_succeeded()
    {
        using var temp = new TempFolder();
        await using var bus = new InProcessEventBus();
        using var log = QuietLog();
        var folder = RunFolder.Create(temp.Path, "lag", BatchUuid);
        await using var collector = new Collector(BatchUuid, folder, log);
        collector.Subscribe(bus);

        // The failure (counting two succeeded comparisons) arrives before the second one's success. Neither an error
        // result nor a late success of another attempt of the first comparison counts as the second.
        await PublishAsync(bus, Comparison(1, 0, succeeded: true));
        await PublishAsync(bus, Comparison(1, 1, succeeded: true));
        await PublishAsync(bus, Comparison(2, 0, succeeded: false));
        await PublishAsync(bus, Failure(succeeded: 2));
        await Until(() => collector.Failed is not null && collector.Comparisons.Count == 3);
        Assert.False(collector.Terminal.IsCompleted);

        await PublishAsync(bus, Comparison(1, 0, succeeded: true)); // a repeat of the first success
        await PublishAsync(bus, Comparison(3, 0, succeeded: true));
        await collector.Terminal.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(4, collector.Comparisons.Count);
        Assert.Equal(4, Directory.GetFiles(Path.Combine(folder.Events, "comparisons")).Length);
    }

    [Fact]
    public async Task An_event_whose_file_could_not_be_written_is_taken_when_the_bus_delivers_it_again()
    {
        using var temp = new TempFolder();
        var failures = new HandlerFailures();
        await using var bus = new InProcessEventBus(TimeProvider.System, failures);
        using var log = QuietLog();
        var folder = RunFolder.Create(temp.Path, "disk", BatchUuid);
        var comparisons = Path.Combine(folder.Events, "comparisons");
        await BreakFolder(comparisons);
        await using var collector = new Collector(BatchUuid, folder, log);
        collector.Subscribe(bus);

        await PublishAsync(bus, Failure(succeeded: 1));
        await PublishAsync(bus, Comparison(1, 0, succeeded: true));
        await failures.First.WaitAsync(TimeSpan.FromSeconds(30)); // the result's file could not be written
        await Until(() => collector.Failed is not null);
        Assert.False(collector.Terminal.IsCompleted);
        Assert.Empty(collector.Comparisons);

        RepairFolder(comparisons);
        await collector.Terminal.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Single(collector.Comparisons);
        Assert.Single(Directory.GetFiles(comparisons));
    }

    [Fact]
    public async Task A_success_the_outcome_does_not_count_does_not_stand_in_for_one_still_on_its_way()
    {
        using var temp = new TempFolder();
        var failures = new HandlerFailures();
        await using var bus = new InProcessEventBus(TimeProvider.System, failures);
        using var log = QuietLog();
        var folder = RunFolder.Create(temp.Path, "late", BatchUuid);
        var comparisons = Path.Combine(folder.Events, "comparisons");
        await using var collector = new Collector(BatchUuid, folder, log);
        collector.Subscribe(bus);

        // The failure counts comparisons 1 and 3; the success of comparison 2 is one CJ did not count (the collector cannot
        // tell which). Comparison 3's result lags here (its file cannot be written yet) while the failure arrives.
        await PublishAsync(bus, Comparison(1, 0, succeeded: true));
        await PublishAsync(bus, Comparison(2, 1, succeeded: false));
        await PublishAsync(bus, Comparison(2, 0, succeeded: true));
        await CaughtUp(bus, Topics.ComparisonResult); // all three saved
        await BreakFolder(comparisons);
        await PublishAsync(bus, Comparison(3, 0, succeeded: true));
        await failures.First.WaitAsync(TimeSpan.FromSeconds(30));
        await PublishAsync(bus, Failure(succeeded: 2));
        await CaughtUp(bus, Topics.AssessmentFailed);
        Assert.NotNull(collector.Failed);
        Assert.False(collector.Terminal.IsCompleted); // two successes are here, but not both of those CJ counted

        RepairFolder(comparisons);
        await collector.Terminal.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Contains(collector.Comparisons, c => c.Data.CorrelationId == $"{BatchUuid}:000003:0");
    }

    [Fact]
    public async Task Saved_events_alone_do_not_end_a_run_until_the_results_are_read_to_the_end()
    {
        using var temp = new TempFolder();
        var folder = RunFolder.Create(temp.Path, "resume", BatchUuid);
        using var log = QuietLog();
        await using (var bus = new InProcessEventBus())
        {
            await using var first = new Collector(BatchUuid, folder, log);
            first.Subscribe(bus);
            await PublishAsync(bus, Comparison(1, 0, succeeded: true));
            await PublishAsync(bus, Failure(succeeded: 1));
            await first.Terminal.WaitAsync(TimeSpan.FromSeconds(30));
        }

        // A resumed run cannot tell from the files whether the run that saved them read every result: it must read on.
        await using var again = new Collector(BatchUuid, folder, log);
        Assert.Equal(2, again.Restore());
        Assert.True(again.OutcomeCountsMet);
        Assert.False(again.Terminal.IsCompleted);

        await using var resumed = new InProcessEventBus();
        again.Subscribe(resumed);
        await again.Terminal.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Single(again.Comparisons);
    }

    private static RunnerLog QuietLog() => new(TextWriter.Null, json: true, TimeProvider.System, new Dictionary<string, object?>());

    /// <summary>Replaces <paramref name="folder"/> by a file, so every write under it fails until <see cref="RepairFolder"/>.</summary>
    private static Task BreakFolder(string folder)
    {
        Directory.Delete(folder, recursive: true);
        return File.WriteAllTextAsync(folder, "not a folder");
    }

    private static void RepairFolder(string folder)
    {
        File.Delete(folder);
        Directory.CreateDirectory(folder);
    }

    /// <summary>Waits until the collector's group has committed everything published on <paramref name="topic"/> so far.</summary>
    private static Task CaughtUp(InProcessEventBus bus, string topic) =>
        bus.CaughtUpAsync(topic, Collector.GroupOf(BatchUuid), CancellationToken.None)!.WaitAsync(TimeSpan.FromSeconds(30));

    /// <summary>Polls <paramref name="condition"/> every few milliseconds (no fixed sleeps) for at most 30 s.</summary>
    private static async Task Until(Func<bool> condition)
    {
        var deadline = Environment.TickCount64 + 30_000;
        while (!condition())
        {
            if (Environment.TickCount64 > deadline)
            {
                throw new TimeoutException("the collector did not reach the expected state within 30 s");
            }

            await Task.Delay(5);
        }
    }

    private static EventEnvelope<LlmComparisonResultV1> Comparison(int seq, int attempt, bool succeeded)
    {
        var requestId = $"{BatchUuid}:{seq:D6}:{attempt}";
        var result = new LlmComparisonResultV1(
            $"q-{seq}-{attempt}", requestId, succeeded ? LlmComparisonResultV1.EssayA : null, succeeded ? "Clearer." : null, succeeded ? 4 : null,
            succeeded ? null : new ErrorDetail("PROVIDER_ERROR", "failed", requestId, "2026-12-01T00:00:00.000Z", SourceServices.LlmProvider, "comparison", new ErrorDetails(500, null, 1, null)),
            "mock", "mock-judge-1", 10, new TokenUsage(100, 10, 110, 0, 0, 0), 0m, "2026-12-01T00:00:00.000Z", "2026-12-01T00:00:01.000Z", null, null,
            new Dictionary<string, object?>());
        return new EventEnvelope<LlmComparisonResultV1>(
            Guid.CreateVersion7(), Topics.ComparisonResult, "2026-12-01T00:00:01.000Z", SourceServices.LlmProvider, 1, requestId, BatchUuid, null, result, null);
    }

    private static EventEnvelope<CjAssessmentFailedV1> Failure(int succeeded)
    {
        var metadata = new SystemMetadata(BatchUuid.ToString(), "batch", null, "2026-12-01T00:00:02.000Z", "cj_assessment", "failed", null, null, null);
        var data = new CjAssessmentFailedV1(
            "cj_assessment.failed", BatchUuid.ToString(), "batch", null, "2026-12-01T00:00:02.000Z", metadata, "failed", null, "low_success_rate",
            "failed", new ComparisonCounts(3, succeeded, 1));
        return new EventEnvelope<CjAssessmentFailedV1>(
            Guid.CreateVersion7(), Topics.AssessmentFailed, "2026-12-01T00:00:02.000Z", "cj_assessment_service", 1, "corr", BatchUuid, null, data, null);
    }

    private static Task PublishAsync<T>(InProcessEventBus bus, EventEnvelope<T> envelope) =>
        bus.PublishAsync(EnvelopeMessages.ToMessage(envelope), CancellationToken.None);

    /// <summary>A bus logger that completes <see cref="First"/> when a handler fails (the bus then delivers again).</summary>
    private sealed class HandlerFailures : ILogger<InProcessEventBus>
    {
        private readonly TaskCompletionSource first = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task First => first.Task;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (eventId.Name == "bus_handler_failed")
            {
                first.TrySetResult();
            }
        }
    }
}
