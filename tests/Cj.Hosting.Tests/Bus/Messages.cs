using System.Text;
using System.Threading.Channels;
using Cj.Hosting.Bus;

namespace Cj.Hosting.Tests.Bus;

/// <summary>Small bus messages and a recording handler for the bus tests.</summary>
internal static class Messages
{
    public static BusMessage Text(string topic, string key, string text) =>
        new(topic, key, Encoding.UTF8.GetBytes(text), new Dictionary<string, string> { ["event_id"] = text });

    public static string TextOf(BusMessage message) => Encoding.UTF8.GetString(message.Value.Span);

    public static async Task PublishTexts(IEventBus bus, string topic, params string[] texts)
    {
        foreach (var text in texts)
        {
            await bus.PublishAsync(Text(topic, "batch-" + text, text), CancellationToken.None);
        }
    }

    /// <summary>A handler that writes each message's text to a channel.</summary>
    public static (Func<BusMessage, CancellationToken, Task> Handler, ChannelReader<string> Received) Recorder()
    {
        var channel = Channel.CreateUnbounded<string>();
        return ((message, cancellationToken) => channel.Writer.WriteAsync(TextOf(message), cancellationToken).AsTask(), channel.Reader);
    }
}
