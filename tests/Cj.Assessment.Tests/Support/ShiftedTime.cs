namespace Cj.Assessment.Tests.Support;

/// <summary>The system clock shifted by an offset that a test may move forward; timers still run on real time.</summary>
internal sealed class ShiftedTime(TimeSpan offset) : TimeProvider
{
    private long ticks = offset.Ticks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref ticks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref ticks, by.Ticks);

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;
}
