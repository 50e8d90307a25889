namespace Cj.Hosting.Bus;

/// <summary>
/// One topic of the in-process bus: an append-only log and the state of every consumer group reading it, under
/// one lock. Any change (a message appended, one completed or released) completes the current change signal,
/// on which idle subscription loops wait. With a journal, appends and committed offsets are written through to it,
/// and a reopened topic starts from what the journal holds.
/// </summary>
internal sealed class InProcessTopic
{
    private readonly Lock gate = new();
    private readonly string name;
    private readonly BusJournal? journal;
    private readonly List<BusMessage> log;
    private readonly Dictionary<string, ConsumerGroupState> groups = new(StringComparer.Ordinal);
    private TaskCompletionSource changed = NewSignal();

    public InProcessTopic(string name, BusJournal? journal, List<BusMessage>? stored)
    {
        this.name = name;
        this.journal = journal;
        log = stored ?? [];
        if (journal is not null)
        {
            foreach (var (group, committed) in journal.Offsets(name))
            {
                groups.Add(group, new ConsumerGroupState(Math.Min(committed, log.Count)));
            }
        }
    }

    public IReadOnlyList<BusMessage> Snapshot()
    {
        lock (gate)
        {
            return [.. log];
        }
    }

    /// <summary>Appends <paramref name="messages"/> in order (one journal transaction).</summary>
    public void Append(IReadOnlyList<BusMessage> messages)
    {
        lock (gate)
        {
            journal?.Append(log.Count, messages);
            log.AddRange(messages);
            PulseLocked();
        }
    }

    /// <summary>
    /// Claims up to <paramref name="max"/> consecutive messages for <paramref name="group"/> into
    /// <paramref name="offsets"/> and <paramref name="messages"/> (both cleared first); when there is none, returns
    /// false and a task that completes at the next change of this topic.
    /// </summary>
    public bool TryClaim(string group, int max, List<int> offsets, List<BusMessage> messages, out Task nextChange)
    {
        lock (gate)
        {
            messages.Clear();
            var claimed = Group(group).TryClaim(log, max, offsets);
            foreach (var offset in offsets)
            {
                messages.Add(log[offset]);
            }

            nextChange = claimed ? Task.CompletedTask : changed.Task;
            return claimed;
        }
    }

    public void Complete(string group, IReadOnlyList<int> offsets)
    {
        lock (gate)
        {
            var state = Group(group);
            var before = state.Committed;
            state.Complete(offsets, log);
            if (state.Committed != before)
            {
                journal?.Commit(name, group, state.Committed);
            }

            PulseLocked();
        }
    }

    public void Release(string group, IReadOnlyList<int> offsets)
    {
        lock (gate)
        {
            Group(group).Release(offsets, log);
            PulseLocked();
        }
    }

    /// <summary>Completes once <paramref name="group"/> has committed every message this topic holds now.</summary>
    public async Task CommittedAsync(string group, CancellationToken cancellationToken)
    {
        int end;
        lock (gate)
        {
            end = log.Count;
        }

        while (true)
        {
            Task next;
            lock (gate)
            {
                if (Group(group).Committed >= end)
                {
                    return;
                }

                next = changed.Task;
            }

            await next.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public int CommittedOffset(string group)
    {
        lock (gate)
        {
            return groups.TryGetValue(group, out var state) ? state.Committed : 0;
        }
    }

    private ConsumerGroupState Group(string group)
    {
        if (!groups.TryGetValue(group, out var state))
        {
            state = new ConsumerGroupState(0);
            groups.Add(group, state);
        }

        return state;
    }

    private void PulseLocked()
    {
        var previous = changed;
        changed = NewSignal();
        previous.TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
