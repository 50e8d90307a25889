using System.Collections.Concurrent;
using Cj.Contracts;
using Cj.Hosting.Bus;
using Cj.Runner.Artefact;
using Cj.Runner.Logging;

namespace Cj.Runner.Execute;

/// <summary>
/// Collects a batch's events from the bus: comparison results, the completion or the failure, and the assessment
/// result. It subscribes before the request is published, keeps only events of its batch, drops duplicates (by
/// event id and by comparison request id) and writes each event once into the run's <c>events/</c> folder. A resumed
/// run first restores what the folder already holds, so nothing is counted or written twice.
/// </summary>
internal sealed class Collector : IAsyncDisposable
{
    private readonly Guid _batchUuid;
    private readonly RunFolder _folder;
    private readonly RunnerLog _log;
    private readonly ConcurrentDictionary<string, bool> _seenEvents = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, EventEnvelope<LlmComparisonResultV1>> _comparisons = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _terminal = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<IAsyncDisposable> _subscriptions = [];
    private readonly Lock _gate = new();
    private readonly ConcurrentDictionary<string, string> _succeeded = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();
    private IEventBus? _bus;
    private string _group = "";
    private bool _watching;
    private volatile bool _resultsCaughtUp;
    private int _sequence;
    private int _duplicatesDropped;

    public Collector(Guid batchUuid, RunFolder folder, RunnerLog log)
    {
        _batchUuid = batchUuid;
        _folder = folder;
        _log = log;
    }

    /// <summary>Comparison results, one per attempt, in CJ's comparison order (request ids are <c>{batch}:{seq:D6}:{attempt}</c>).</summary>
    public IReadOnlyList<EventEnvelope<LlmComparisonResultV1>> Comparisons =>
        [.. _comparisons.Values.OrderBy(c => c.Data.CorrelationId, StringComparer.Ordinal)];

    public EventEnvelope<CjAssessmentCompletedV1>? Completed { get; private set; }

    public EventEnvelope<CjAssessmentFailedV1>? Failed { get; private set; }

    public EventEnvelope<AssessmentResultV1>? Result { get; private set; }

    public int DuplicatesDropped => Volatile.Read(ref _duplicatesDropped);

    /// <summary>Raised after every new comparison result, for the progress display.</summary>
    public event Action<EventEnvelope<LlmComparisonResultV1>>? ComparisonArrived;

    /// <summary>Completes when the batch completed (with its result) or failed and every result it counts is here (see <see cref="CheckTerminal"/>).</summary>
    public Task Terminal => _terminal.Task;

    /// <summary>
    /// Whether the events held now include the outcome and as many successful results as it counts. Saved files alone
    /// cannot show more: a run killed while its results lagged may have saved a success CJ did not count in place of
    /// one it did. Only a run that read the results to the end (<see cref="Terminal"/>) can.
    /// </summary>
    public bool OutcomeCountsMet
    {
        get
        {
            lock (_gate)
            {
                return OutcomeCounts() is { } outcome && _succeeded.Count >= outcome.Succeeded;
            }
        }
    }

    /// <summary>Starts consuming the batch's topics (as one consumer group per batch, so a resumed run continues it).</summary>
    public void Subscribe(IEventBus bus)
    {
        ArgumentNullException.ThrowIfNull(bus);
        _group = GroupOf(_batchUuid);
        lock (_gate)
        {
            _bus = bus;
        }

        foreach (var topic in new[] { Topics.ComparisonResult, Topics.AssessmentCompleted, Topics.AssessmentFailed, Topics.AssessmentResultPublished })
        {
            _subscriptions.Add(bus.Subscribe(topic, _group, HandleAsync));
        }

        WatchResults();
    }

    /// <summary>The consumer group of a batch's collector (one per batch, so a resumed run continues it).</summary>
    public static string GroupOf(Guid batchUuid) => $"eng5-np-runner-eng5np-{batchUuid}";

    /// <summary>Takes back the events an interrupted run of this folder already saved; returns how many.</summary>
    public int Restore()
    {
        var restored = 0;
        foreach (var (kind, topic) in new[] { ("comparisons", Topics.ComparisonResult), ("completions", ""), ("assessment_results", Topics.AssessmentResultPublished) })
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(_folder.Events, kind), "*.json").Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileNameWithoutExtension(file);
                if (int.TryParse(name.AsSpan(0, Math.Min(6, name.Length)), out var sequence))
                {
                    _sequence = Math.Max(_sequence, sequence);
                }

                var actual = topic.Length > 0 ? topic : name.EndsWith("_failed", StringComparison.Ordinal) ? Topics.AssessmentFailed : Topics.AssessmentCompleted;
                if (Accept(new BusMessage(actual, "", File.ReadAllBytes(file), new Dictionary<string, string>())) is { } received)
                {
                    Commit(received);
                }

                restored++;
            }
        }

        return restored;
    }

    /// <summary>Stops consuming; idempotent. Called before the manifest is taken, so no file lands after it.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        foreach (var subscription in _subscriptions)
        {
            await subscription.DisposeAsync().ConfigureAwait(false);
        }

        _subscriptions.Clear();
    }

    private Task HandleAsync(BusMessage message, CancellationToken cancellationToken)
    {
        if (!message.Headers.TryGetValue("batch_id", out var batch) || !Guid.TryParse(batch, out var id) || id != _batchUuid)
        {
            return Task.CompletedTask;
        }

        if (Accept(message) is { } received)
        {
            try
            {
                Save(received.Folder, received.Name, message);
            }
            catch
            {
                // Not saved, so not taken: the bus delivers it again, and it must not be dropped as a repeat then.
                _seenEvents.TryRemove(EventIdOf(message), out _);
                if (received.Comparison is { } unsaved)
                {
                    _comparisons.TryRemove(unsaved.Data.CorrelationId, out _);
                }

                throw;
            }

            Commit(received);
            if (received.Outcome is EventEnvelope<CjAssessmentCompletedV1> or EventEnvelope<CjAssessmentFailedV1>)
            {
                WatchResults();
            }

            _log.Event(received.LogEvent, received.Level, received.Fields);
            if (received.Comparison is { } comparison)
            {
                ComparisonArrived?.Invoke(comparison);
            }

            CheckTerminal();
        }

        return Task.CompletedTask;
    }

    /// <summary>Takes a new event into the collected state; null for a duplicate (by event id or request id).</summary>
    private Received? Accept(BusMessage message)
    {
        if (!_seenEvents.TryAdd(EventIdOf(message), true))
        {
            Interlocked.Increment(ref _duplicatesDropped);
            return null;
        }

        switch (message.Topic)
        {
            case Topics.ComparisonResult:
                var comparison = EnvelopeMessages.Read<LlmComparisonResultV1>(message);
                if (!_comparisons.TryAdd(comparison.Data.CorrelationId, comparison))
                {
                    Interlocked.Increment(ref _duplicatesDropped);
                    return null;
                }

                return new Received("comparisons", comparison.Data.CorrelationId, "collector_comparison_received", "info", new Dictionary<string, object?>
                {
                    ["request_id"] = comparison.Data.CorrelationId,
                    ["received"] = _comparisons.Count,
                    ["error_code"] = comparison.Data.ErrorDetail?.ErrorCode,
                }, comparison);
            case Topics.AssessmentCompleted:
                var completed = EnvelopeMessages.Read<CjAssessmentCompletedV1>(message);
                return new Received("completions", "completed", "collector_completion_received", "info", new Dictionary<string, object?> { ["stop_reason"] = completed.Data.StopReason }, Outcome: completed);
            case Topics.AssessmentFailed:
                var failed = EnvelopeMessages.Read<CjAssessmentFailedV1>(message);
                return new Received("completions", "failed", "collector_failure_received", "error", new Dictionary<string, object?> { ["failure_reason"] = failed.Data.FailureReason }, Outcome: failed);
            case Topics.AssessmentResultPublished:
                var result = EnvelopeMessages.Read<AssessmentResultV1>(message);
                return new Received("assessment_results", "assessment_result", "collector_assessment_result_received", "info", new Dictionary<string, object?> { ["essays"] = result.Data.EssayResults.Count }, Outcome: result);
            default:
                return null;
        }
    }

    /// <summary>
    /// Completes <see cref="Terminal"/> once the batch completed (with its result) or failed, every comparison the
    /// outcome counts as succeeded has a successful result here, and the results subscription has read the result
    /// topic as far as it reached when the outcome arrived. The results arrive on their own subscription, which may lag
    /// behind the outcome's (a slow disk under the event files), so a run could otherwise end without its last
    /// comparisons. The count alone is not enough: it holds only while the collector counts exactly the successes CJ
    /// counted, which it cannot see, and a success CJ did not count could stand in for one still on its way. The topic
    /// position does not depend on that: every result CJ counted was on the topic before CJ sent the outcome, so once
    /// read that far none is missing. Every event calls this under the lock, so whichever comes last sees the rest.
    /// </summary>
    private void CheckTerminal()
    {
        lock (_gate)
        {
            if (_resultsCaughtUp && OutcomeCounts() is { } outcome && _succeeded.Count >= outcome.Succeeded)
            {
                _terminal.TrySetResult();
            }
        }
    }

    /// <summary>The outcome's comparison counts: of the failure, or of the completion once its result is here too.</summary>
    private ComparisonCounts? OutcomeCounts() =>
        Failed?.Data.Comparisons ?? (Completed is not null && Result is not null ? Completed.Data.Comparisons : null);

    /// <summary>
    /// Once subscribed and holding the outcome, waits (once) until the results subscription has committed every result
    /// published so far, then checks again. A bus that cannot tell leaves the count alone to decide.
    /// </summary>
    private void WatchResults()
    {
        IEventBus bus;
        lock (_gate)
        {
            if (_watching || _bus is null || (Completed is null && Failed is null))
            {
                return;
            }

            _watching = true;
            bus = _bus;
        }

        var caughtUp = bus.CaughtUpAsync(Topics.ComparisonResult, _group, _stopping.Token);
        if (caughtUp is null)
        {
            _resultsCaughtUp = true;
            CheckTerminal();
            return;
        }

        _ = AfterAsync(caughtUp);

        async Task AfterAsync(Task task)
        {
            try
            {
                await task.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return; // stopped: the run is being torn down
            }

            _resultsCaughtUp = true;
            CheckTerminal();
        }
    }

    /// <summary>The dedupe key: the <c>event_id</c> header, or the envelope's own id for a restored file.</summary>
    private static string EventIdOf(BusMessage message)
    {
        if (message.Headers.TryGetValue("event_id", out var header))
        {
            return header;
        }

        using var document = System.Text.Json.JsonDocument.Parse(message.Value);
        return document.RootElement.TryGetProperty("event_id", out var id) ? id.ToString() : "";
    }

    private void Save(string kind, string name, BusMessage message)
    {
        int sequence;
        lock (_gate)
        {
            sequence = ++_sequence;
        }

        var safe = new string([.. name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_')]);
        AtomicFile.WriteAllBytes(Path.Combine(_folder.Events, kind, $"{sequence:D6}_{safe}.json"), message.Value.ToArray());
    }

    /// <summary>
    /// Takes a saved event into the outcome: a successful result counts its comparison (the request id without its
    /// attempt number: CJ counts comparisons, and a late success of an earlier attempt must not count twice), an
    /// outcome or result is set. Done only once its file is written, so the run never ends on an event it did not save.
    /// </summary>
    private void Commit(Received received)
    {
        lock (_gate)
        {
            if (received.Comparison?.Data is { ErrorDetail: null } success)
            {
                _succeeded.TryAdd(ComparisonOf(success.CorrelationId), success.CorrelationId);
            }

            switch (received.Outcome)
            {
                case EventEnvelope<CjAssessmentCompletedV1> completed:
                    Completed = completed;
                    break;
                case EventEnvelope<CjAssessmentFailedV1> failed:
                    Failed = failed;
                    break;
                case EventEnvelope<AssessmentResultV1> result:
                    Result = result;
                    break;
            }
        }
    }

    /// <summary>The comparison of request id <c>{batch}:{seq:D6}:{attempt}</c>: the id without its attempt number.</summary>
    private static string ComparisonOf(string requestId)
    {
        var colon = requestId.LastIndexOf(':');
        return colon > 0 && colon < requestId.Length - 1 && !requestId.AsSpan(colon + 1).ContainsAnyExceptInRange('0', '9')
            ? requestId[..colon]
            : requestId;
    }

    /// <summary>What a new event makes the collector do: save it under <paramref name="Folder"/>, log it, announce a comparison.</summary>
    private sealed record Received(
        string Folder,
        string Name,
        string LogEvent,
        string Level,
        Dictionary<string, object?> Fields,
        EventEnvelope<LlmComparisonResultV1>? Comparison = null,
        object? Outcome = null);
}
