using System.Threading.Channels;

namespace Cj.Assessment.Handlers;

/// <summary>One attempt to POST to the LLM Provider Service; its row in <c>comparisons</c> was committed first.</summary>
internal sealed record DispatchItem(string BatchId, string RequestId);

/// <summary>
/// Attempts waiting for the dispatcher, in the order they were decided, in chunks of at most
/// <see cref="CjAssessmentOptions.ProviderBatchSize"/>: one chunk is one admission call to the provider.
/// </summary>
internal sealed class DispatchQueue(CjAssessmentOptions options)
{
    private readonly Channel<IReadOnlyList<DispatchItem>> channel =
        Channel.CreateUnbounded<IReadOnlyList<DispatchItem>>(new UnboundedChannelOptions { SingleReader = false });

    public ChannelReader<IReadOnlyList<DispatchItem>> Reader => channel.Reader;

    public void Enqueue(IEnumerable<DispatchItem> items)
    {
        foreach (var chunk in items.Chunk(options.ProviderBatchSize))
        {
            channel.Writer.TryWrite(chunk);
        }
    }
}
