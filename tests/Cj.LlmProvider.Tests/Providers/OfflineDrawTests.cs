using Cj.LlmProvider.Providers;

namespace Cj.LlmProvider.Tests.Providers;

public sealed class OfflineDrawTests
{
    [Fact]
    public void A_draw_is_the_first_eight_bytes_of_the_sha256_of_the_labelled_key_over_two_to_the_64()
    {
        // python: int.from_bytes(sha256(b"mock|42|" + b"0"*64 + b"|0|ab|1|winner").digest()[:8], "big") / 2**64
        var u = OfflineDraw.U("mock", 42, new string('0', 64), 0, "ab", 1, "winner");

        Assert.Equal(0.905192960609109, u, 1e-15);
    }

    [Fact]
    public void Draws_are_uniform_enough_and_change_with_every_key_part()
    {
        var draws = Enumerable.Range(0, 4000).Select(i => OfflineDraw.U("mock", 42, "h", i, "ab", 1, "winner")).ToList();

        Assert.All(draws, u => Assert.InRange(u, 0.0, 1.0 - 1e-17));
        Assert.InRange(draws.Average(), 0.48, 0.52);
        Assert.InRange(draws.Count(u => u < 0.1), 340, 460);
        var baseDraw = OfflineDraw.U("mock", 42, "h", 0, "ab", 1, "x");
        Assert.NotEqual(baseDraw, OfflineDraw.U("mock", 43, "h", 0, "ab", 1, "x"));
        Assert.NotEqual(baseDraw, OfflineDraw.U("mock", 42, "h", 0, "ab", 2, "x"));
        Assert.NotEqual(baseDraw, OfflineDraw.U("mock", 42, "h", 0, "ba", 1, "x"));
        Assert.NotEqual(baseDraw, OfflineDraw.U("simulated", 42, "h", 0, "ab", 1, "x"));
    }
}
