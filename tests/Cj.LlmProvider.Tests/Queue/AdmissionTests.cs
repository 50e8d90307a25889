using Cj.LlmProvider.Queue;
using Cj.LlmProvider.Tests.Support;

namespace Cj.LlmProvider.Tests.Queue;

public sealed class AdmissionTests
{
    [Fact]
    public void The_gate_closes_at_the_high_watermark_and_reopens_only_at_the_low_one()
    {
        var gate = new AdmissionGate(new LlmProviderOptions { QueueMaxSize = 100, QueueHighWatermark = 0.8, QueueLowWatermark = 0.6 });

        Assert.True(gate.Admit(79, 0));
        Assert.False(gate.Admit(80, 0));
        Assert.False(gate.Admit(70, 0));
        Assert.False(gate.Admit(61, 0));
        Assert.True(gate.Admit(60, 0));
        Assert.True(gate.Admit(75, 0));
    }

    [Fact]
    public void Prompt_bytes_close_the_gate_too()
    {
        var gate = new AdmissionGate(new LlmProviderOptions { QueueMaxMemoryMb = 1 });

        Assert.True(gate.Admit(1, 838_860));
        Assert.False(gate.Admit(1, 838_861));
        Assert.True(gate.IsClosed);
    }

    [Fact]
    public void The_completion_rate_is_unknown_until_ten_completions_then_tracks_the_pace()
    {
        var clock = new ManualTimeProvider(DateTimeOffset.UnixEpoch);
        var rate = new CompletionRate(clock);
        for (var i = 0; i < 9; i++)
        {
            rate.Record();
            clock.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Null(rate.PerMinute());
        Assert.Null(rate.WaitMinutes(100));
        Assert.Equal(5, rate.RetryAfterSeconds(100));
        for (var i = 0; i < 111; i++)
        {
            rate.Record();
            clock.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.InRange(rate.PerMinute()!.Value, 55, 65);
        Assert.InRange(rate.WaitMinutes(120)!.Value, 1.8, 2.2);
        Assert.Equal(60, rate.RetryAfterSeconds(1000));
        Assert.Equal(1, rate.RetryAfterSeconds(0));
    }
}
