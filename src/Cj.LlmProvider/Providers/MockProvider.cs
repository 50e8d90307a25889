using System.Globalization;
using System.Text.Json;

namespace Cj.LlmProvider.Providers;

/// <summary>
/// The deterministic offline judge (design §4.3). Every choice is an <see cref="OfflineDraw"/> keyed on the
/// request hash, occurrence, leg and attempt, so equal seeds give equal verdicts in every process. Errors and
/// malformed verdicts are produced as provider answers (HTTP status, finish reason, broken content), so the real
/// classification, validation and retry code handles them.
/// </summary>
internal sealed class MockProvider(LlmProviderOptions options, TimeProvider time) : ILlmProvider
{
    public const string RequestHash = "request_hash";
    public const string EssayHash = "essay_hash";
    public const string Justification = "Synthetic judgement from the mock provider: no language model read these essays.";

    /// <summary>The kinds <see cref="LlmProviderOptions.MockErrorCodes"/> may name.</summary>
    public static readonly IReadOnlySet<string> ErrorKinds = new HashSet<string>(StringComparer.Ordinal)
    {
        "429", "500", "502", "503", "504", "529", "timeout", "malformed", "refusal", "truncated",
    };

    public string Name => ProviderNames.Mock;

    public string DefaultModel => "mock-judge-1";

    public async Task<ProviderAnswer> CallAsync(ProviderCall call, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(call);
        var latency = Latency(call);
        if (latency > TimeSpan.Zero)
        {
            await Task.Delay(latency, time, ct).ConfigureAwait(false);
        }

        if (U(call, "error") < options.MockErrorRate)
        {
            var codes = options.MockErrorCodes;
            var kind = codes[Math.Min(codes.Count - 1, (int)(U(call, "error_kind") * codes.Count))];
            return MockAnswers.Error(kind, call, latency, U(call, "malformed_kind"));
        }

        if (U(call, "malformed") < options.MockMalformedRate)
        {
            return MockAnswers.Error("malformed", call, latency, U(call, "malformed_kind"));
        }

        var winner = AWins(call) ? "Essay A" : "Essay B";
        var confidence = Math.Round(3 + (2 * U(call, "confidence")), 2);
        var content = JsonSerializer.Serialize(new { winner, justification = Justification, confidence });
        return MockAnswers.Ok(content, call, latency);
    }

    private bool AWins(ProviderCall call)
    {
        if (options.MockStrategy == EssayHash)
        {
            var a = OfflineDraw.FromText(call.EssayA);
            var b = OfflineDraw.FromText(call.EssayB);
            if (a != b)
            {
                return a > b;
            }
        }

        return U(call, "winner") < options.MockWinnerARate;
    }

    private TimeSpan Latency(ProviderCall call)
    {
        var jitter = options.MockLatencyJitterMs * ((2 * U(call, "latency")) - 1);
        return TimeSpan.FromMilliseconds(Math.Max(0, options.MockLatencyMs + jitter));
    }

    private double U(ProviderCall call, string label) => OfflineDraw.U(Name, options.MockSeed, call, label);
}

/// <summary>The mock's answers, shaped like a remote provider's (status, finish reason, content, usage).</summary>
internal static class MockAnswers
{
    private static readonly string[] Malformed =
    [
        "{\"winner\": \"Essay A\", \"justification\": \"The argument is",
        "{\"justification\": \"Both essays are fine.\", \"confidence\": 3}",
        "{\"winner\": \"Essay C\", \"justification\": \"Neither essay.\", \"confidence\": 3}",
        "{\"winner\": \"A\", \"justification\": \"Shorthand.\", \"confidence\": 4}",
        "{\"winner\": \"Essay B\", \"justification\": \"Out of range.\", \"confidence\": 7}",
        "The winner is Essay A.",
    ];

    public static ProviderAnswer Ok(string content, ProviderCall call, TimeSpan latency) =>
        new(FinishReason.Stop, 200, content, Usage(call, content), latency, RequestId: RequestId(call));

    public static ProviderAnswer Error(string kind, ProviderCall call, TimeSpan latency, double u)
    {
        switch (kind)
        {
            case "timeout":
                return new(FinishReason.Timeout, 0, null, ProviderUsage.None, latency, ErrorMessage: "mock: the call timed out");
            case "malformed":
                var content = Malformed[Math.Min(Malformed.Length - 1, (int)(u * Malformed.Length))];
                return new(FinishReason.Stop, 200, content, Usage(call, content), latency, RequestId: RequestId(call));
            case "refusal":
                const string refusal = "I can't help with comparing these texts.";
                return new(FinishReason.Refusal, 200, refusal, Usage(call, refusal), latency, RequestId: RequestId(call));
            case "truncated":
                const string partial = "{\"winner\": \"Essay";
                return new(FinishReason.Length, 200, partial, Usage(call, partial), latency, RequestId: RequestId(call));
            default:
                var status = int.Parse(kind, CultureInfo.InvariantCulture);
                var body = $"{{\"error\":{{\"type\":\"mock_http_{status}\",\"message\":\"mock: HTTP {status}\"}}}}";
                return new(FinishReason.HttpError, status, body, ProviderUsage.None, latency, ErrorMessage: $"mock: HTTP {status}");
        }
    }

    private static ProviderUsage Usage(ProviderCall call, string content) =>
        ProviderUsage.FromCharacters(call.Prompt.Length, content.Length);

    private static string RequestId(ProviderCall call) =>
        string.Create(CultureInfo.InvariantCulture, $"mock-{call.QueueId}-{call.Leg}-{call.Attempt}");
}
