namespace Cj.LlmProvider.Tests.Support;

/// <summary>One started service shared by the tests of a class (for tests that only read or are refused).</summary>
public sealed class SharedService : IAsyncLifetime
{
    internal TestService Service { get; private set; } = null!;

    public async Task InitializeAsync() => Service = await TestService.StartAsync();

    public async Task DisposeAsync() => await Service.DisposeAsync();
}
