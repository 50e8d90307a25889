using System.Threading.Channels;

namespace Cj.Assessment.Handlers;

/// <summary>One attempt to POST to the LLM Provider Service; its row in <c>comparisons</c> was committed first.</summary>
internal sealed record DispatchItem(string BatchId, string RequestId);

/// <summary>Attempts waiting for the dispatcher, in the order they were decided.</summary>
internal sealed class DispatchQueue
{
    private readonly Channel<DispatchItem> channel = Channel.CreateUnbounded<DispatchItem>(new UnboundedChannelOptions { SingleReader = false });

    public ChannelReader<DispatchItem> Reader => channel.Reader;

    public void Enqueue(IEnumerable<DispatchItem> items)
    {
        foreach (var item in items)
        {
            channel.Writer.TryWrite(item);
        }
    }
}
