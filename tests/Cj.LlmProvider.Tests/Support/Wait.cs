namespace Cj.LlmProvider.Tests.Support;

/// <summary>Waits on a condition with a timeout (no fixed sleeps): polls it every few milliseconds.</summary>
internal static class Wait
{
    public static async Task UntilAsync(Func<bool> condition, string what, int timeoutMs = 10_000)
    {
        var deadline = Environment.TickCount64 + timeoutMs;
        while (!condition())
        {
            if (Environment.TickCount64 > deadline)
            {
                throw new TimeoutException($"timed out after {timeoutMs} ms waiting for {what}");
            }

            await Task.Delay(5);
        }
    }
}
