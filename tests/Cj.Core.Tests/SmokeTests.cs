namespace Cj.Core.Tests;

public sealed class SmokeTests
{
    [Fact]
    public void Runs() => Assert.True(true);
}
