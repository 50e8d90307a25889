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

    /// <summary>
    /// Claims up to <paramref name="max"/> deliverable offsets of <paramref name="log"/> in order into
    /// <paramref name="offsets"/> (cleared first): they stop at the first message whose key another delivery holds.
    /// Returns false when none is deliverable.
    /// </summary>
    public bool TryClaim(List<BusMessage> log, int max, List<int> offsets)
    {
        offsets.Clear();
        var claimedKeys = new HashSet<string>(StringComparer.Ordinal);
        while (offsets.Count < max)
        {
            var offset = released.Count > 0 ? released.Min : next;
            if (offset >= log.Count || (keysInFlight.Contains(log[offset].Key) && !claimedKeys.Contains(log[offset].Key)))
            {
                break;
            }

            if (!released.Remove(offset))
            {
                next++;
            }

            claimedKeys.Add(log[offset].Key);
            keysInFlight.Add(log[offset].Key);
            offsets.Add(offset);
        }

        return offsets.Count > 0;
    }

    /// <summary>Marks claimed messages as handled and advances <see cref="Committed"/> over the done prefix.</summary>
    public void Complete(IReadOnlyList<int> offsets, List<BusMessage> log)
    {
        foreach (var offset in offsets)
        {
            keysInFlight.Remove(log[offset].Key);
            doneAhead.Add(offset);
        }

        while (doneAhead.Remove(Committed))
        {
            Committed++;
        }
    }

    /// <summary>Gives claimed messages back unhandled, to be delivered again before anything later.</summary>
    public void Release(IReadOnlyList<int> offsets, List<BusMessage> log)
    {
        foreach (var offset in offsets)
        {
            keysInFlight.Remove(log[offset].Key);
            released.Add(offset);
        }
    }
}
