using System.Threading.Channels;

namespace Cj.LlmProvider.Queue;

/// <summary>A coalescing wake-up: <see cref="Set"/> never blocks; <see cref="WaitAsync"/> returns on a set or a timeout.</summary>
internal sealed class WakeSignal
{
    private readonly Channel<bool> channel = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Set() => channel.Writer.TryWrite(true);

    /// <summary>Waits until <see cref="Set"/> or <paramref name="timeout"/> on <paramref name="time"/>; throws only on cancellation.</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken ct)
    {
        if (channel.Reader.TryRead(out _))
        {
            return;
        }

        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var signalled = channel.Reader.WaitToReadAsync(waiting.Token).AsTask();
        var timer = Task.Delay(timeout, time, waiting.Token);
        await Task.WhenAny(signalled, timer).ConfigureAwait(false);
        await waiting.CancelAsync().ConfigureAwait(false);
        channel.Reader.TryRead(out _);
        ct.ThrowIfCancellationRequested();
    }
}
