namespace Cj.Hosting.Bus;

/// <summary>
/// What one consumer group has done with one topic of the in-process bus; guarded by the topic's lock.
/// Messages are handed out in offset order, and never while an earlier message with the same key is still in
/// flight in this group, so a batch's events (keyed by batch id) are handled in order even when several
/// subscribers share the group. A released message (its subscriber stopped mid-handling) is handed out first.
/// </summary>
internal sealed class ConsumerGroupState(int committed)
{
    private readonly SortedSet<int> released = [];
    private readonly SortedSet<int> doneAhead = [];
    private readonly HashSet<string> keysInFlight = new(StringComparer.Ordinal);
    private int next = committed;

    /// <summary>The committed offset: every message before it is done. A new group starts at 0 (earliest).</summary>
    public int Committed { get; private set; } = committed;

    /// <summary>Claims the next deliverable offset of <paramref name="log"/>, or returns false when none is.</summary>
    public bool TryClaim(List<BusMessage> log, out int offset)
    {
        offset = released.Count > 0 ? released.Min : next;
        if (offset >= log.Count || keysInFlight.Contains(log[offset].Key))
        {
            return false;
        }

        if (!released.Remove(offset))
        {
            next++;
        }

        keysInFlight.Add(log[offset].Key);
        return true;
    }

    /// <summary>Marks a claimed message as handled and advances <see cref="Committed"/> over the done prefix.</summary>
    public void Complete(int offset, string key)
    {
        keysInFlight.Remove(key);
        doneAhead.Add(offset);
        while (doneAhead.Remove(Committed))
        {
            Committed++;
        }
    }

    /// <summary>Gives a claimed message back unhandled, to be delivered again before anything later.</summary>
    public void Release(int offset, string key)
    {
        keysInFlight.Remove(key);
        released.Add(offset);
    }
}
