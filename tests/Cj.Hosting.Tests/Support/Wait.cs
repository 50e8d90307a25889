using System.Diagnostics;
using System.Threading.Channels;

namespace Cj.Hosting.Tests.Support;

/// <summary>Waiting on conditions and signals with a timeout, never for a fixed time.</summary>
internal static class Wait
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <summary>Reads <paramref name="count"/> items from <paramref name="reader"/>, failing after <see cref="Timeout"/>.</summary>
    public static async Task<List<T>> ForItems<T>(ChannelReader<T> reader, int count)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        var items = new List<T>();
        while (items.Count < count)
        {
            items.Add(await reader.ReadAsync(timeout.Token));
        }

        return items;
    }

    /// <summary>Completes when <paramref name="condition"/> holds, checking every few milliseconds.</summary>
    public static async Task Until(Func<bool> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < Timeout, $"timed out waiting until {what}");
            await Task.Delay(2);
        }
    }

    public static async Task<T> For<T>(Task<T> task) => await task.WaitAsync(Timeout);

    public static async Task For(Task task) => await task.WaitAsync(Timeout);
}
