namespace Cj.LlmProvider.Queue;

/// <summary>
/// Admission control with hysteresis (design §2): with C non-terminal requests holding B prompt bytes, admission
/// closes at C ≥ high·max size or B ≥ high·max memory and reopens only when both are ≤ low of their maximum.
/// </summary>
internal sealed class AdmissionGate(LlmProviderOptions options)
{
    private readonly Lock gate = new();
    private bool closed;

    public bool IsClosed
    {
        get
        {
            lock (gate)
            {
                return closed;
            }
        }
    }

    /// <summary>Updates the state from the queue's current load and says whether one more request may enter.</summary>
    public bool Admit(long count, long bytes)
    {
        var maxBytes = options.QueueMaxMemoryMb * 1024.0 * 1024.0;
        lock (gate)
        {
            if (closed && count <= options.QueueLowWatermark * options.QueueMaxSize && bytes <= options.QueueLowWatermark * maxBytes)
            {
                closed = false;
            }
            else if (!closed && (count >= options.QueueHighWatermark * options.QueueMaxSize || bytes >= options.QueueHighWatermark * maxBytes))
            {
                closed = true;
            }

            return !closed;
        }
    }
}
