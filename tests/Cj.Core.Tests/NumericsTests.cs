namespace Cj.Core.Tests;

public sealed class NumericsTests
{
    [Theory]
    [InlineData(-8, 6.22096057427174e-16)]
    [InlineData(-1.96, 0.024997895148220435)]
    [InlineData(0.5, 0.6914624612740131)]
    [InlineData(5, 0.9999997133484281)]
    [InlineData(0, 0.5)]
    public void Normal_cdf_matches_reference_values_to_1e_14(double x, double expected) =>
        Assert.True(Math.Abs(Normal.Cdf(x) - expected) <= 1e-14, $"Φ({x}) = {Normal.Cdf(x):R}");

    [Fact]
    public void Normal_cdf_is_monotone_and_symmetric()
    {
        var previous = 0.0;
        for (var x = -10.0; x <= 10.0; x += 0.01)
        {
            var p = Normal.Cdf(x);
            Assert.True(p >= previous);
            Assert.True(Math.Abs(p + Normal.Cdf(-x) - 1) < 1e-15);
            previous = p;
        }
    }

    [Theory]
    [InlineData(0, 10L)]
    [InlineData(1, 255L)]
    [InlineData(2_000, 240_000L)]
    [InlineData(5_000, long.MaxValue)]
    public void Radix_sort_orders_keys_like_array_sort(int count, long max)
    {
        var random = new Random(count);
        var keys = Enumerable.Range(0, count).Select(_ => random.NextInt64(max)).ToArray();
        var expected = keys.Order().ToArray();
        Numerics.RadixSort.Sort(keys);
        Assert.Equal(expected, keys);
    }

    [Fact]
    public void Logistic_is_overflow_safe()
    {
        Assert.Equal(1.0, Logistic.Sigma(1000));
        Assert.Equal(0.0, Logistic.Sigma(-1000));
        Assert.Equal(-1000, Logistic.LogSigma(-1000), 1e-9);
        Assert.Equal(0.0, Logistic.LogSigma(1000));
    }

    [Fact]
    public void The_generator_is_reproducible_and_waves_have_their_own_streams()
    {
        var a = new CjRandom(42);
        var b = new CjRandom(42);
        for (var k = 0; k < 100; k++)
        {
            Assert.Equal(a.NextUInt64(), b.NextUInt64());
        }

        Assert.NotEqual(CjRandom.ForWave(42, 1).NextUInt64(), CjRandom.ForWave(42, 2).NextUInt64());
        Assert.Equal(CjRandom.ForWave(42, 3).NextUInt64(), CjRandom.ForWave(42, 3).NextUInt64());
    }

    [Fact]
    public void Uniforms_and_normals_have_the_right_moments()
    {
        var rng = new CjRandom(7);
        var u = Enumerable.Range(0, 100_000).Select(_ => rng.NextDouble()).ToArray();
        var z = Enumerable.Range(0, 100_000).Select(_ => rng.NextNormal()).ToArray();
        Assert.All(u, x => Assert.InRange(x, 0.0, 0.9999999999999999));
        Assert.Equal(0.5, u.Average(), 0.01);
        Assert.Equal(0.0, z.Average(), 0.02);
        Assert.Equal(1.0, z.Average(x => x * x), 0.02);
    }
}
