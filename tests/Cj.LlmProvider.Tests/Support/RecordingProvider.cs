using System.Collections.Concurrent;
using Cj.LlmProvider.Providers;

namespace Cj.LlmProvider.Tests.Support;

/// <summary>Wraps a provider under its own name and keeps every call it was given (what would go on the wire).</summary>
internal sealed class RecordingProvider(ILlmProvider inner) : ILlmProvider
{
    private readonly ConcurrentQueue<ProviderCall> calls = new();

    public IReadOnlyList<ProviderCall> Calls => [.. calls];

    public string Name => inner.Name;

    public string DefaultModel => inner.DefaultModel;

    public Task<ProviderAnswer> CallAsync(ProviderCall call, CancellationToken ct)
    {
        calls.Enqueue(call);
        return inner.CallAsync(call, ct);
    }
}
