namespace Cj.LlmProvider.Providers;

/// <summary>
/// The one provider port (design §4): a call is one comparison; the answer carries the raw payload, finish
/// reason, usage, HTTP status, Retry-After, request id and latency. Interpreting it is the classifier's job, so
/// offline providers exercise the same classification, validation and retry code as remote ones.
/// </summary>
internal interface ILlmProvider
{
    /// <summary>The provider name reported in callbacks (<c>mock</c>, <c>simulated</c>, <c>replay</c>, …).</summary>
    string Name { get; }

    /// <summary>The model used when the request names none.</summary>
    string DefaultModel { get; }

    Task<ProviderAnswer> CallAsync(ProviderCall call, CancellationToken ct);
}
